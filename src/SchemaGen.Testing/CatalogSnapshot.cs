using Npgsql;

namespace SchemaGen.Testing;

/// <summary>
/// What a database's catalog holds outside PostgreSQL's own schemas, as sorted lines a person can read: schemas, relations,
/// columns (type, nullability, default), constraints, indexes, view definitions, functions (a hash of their definition),
/// triggers, types and extensions; the ledger and its head are left out. Two snapshots are equal when the schemas are.
/// </summary>
public sealed class CatalogSnapshot
{
    private const string Query = """
        WITH ns AS (
            SELECT oid, nspname FROM pg_namespace
            WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\_temp\_%' AND nspname NOT LIKE 'pg\_toast\_temp\_%'
        ), ledger AS (
            SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND (c.relname IN ($2, $2 || '_head') OR c.oid IN (
                SELECT objid FROM pg_depend WHERE refobjid IN (to_regclass(format('%I.%I', $1, $2)), to_regclass(format('%I.%I', $1, $2 || '_head')))))
        )
        SELECT line FROM (
            SELECT 'schema ' || nspname AS line FROM ns
            UNION ALL
            SELECT format('relation %s.%s (%s)', n.nspname, c.relname, c.relkind)
            FROM pg_class c JOIN ns n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c') AND c.oid NOT IN (SELECT oid FROM ledger)
            UNION ALL
            SELECT format('column %s.%s.%s %s%s%s', n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                          CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END, coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), ''))
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN ns n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND c.oid NOT IN (SELECT oid FROM ledger)
            UNION ALL
            SELECT format('constraint %s.%s %s %s', n.nspname, coalesce(c.relname, t.typname), co.conname, pg_get_constraintdef(co.oid))
            FROM pg_constraint co JOIN ns n ON n.oid = co.connamespace
            LEFT JOIN pg_class c ON c.oid = co.conrelid LEFT JOIN pg_type t ON t.oid = co.contypid
            WHERE co.conrelid NOT IN (SELECT oid FROM ledger)
            UNION ALL
            SELECT 'index ' || pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN ns n ON n.oid = c.relnamespace
            WHERE i.indrelid NOT IN (SELECT oid FROM ledger)
            UNION ALL
            SELECT format('view %s.%s AS %s', n.nspname, c.relname, pg_get_viewdef(c.oid))
            FROM pg_class c JOIN ns n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm')
            UNION ALL
            SELECT format('function %s.%s(%s) md5 %s', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), md5(pg_get_functiondef(p.oid)))
            FROM pg_proc p JOIN ns n ON n.oid = p.pronamespace
            WHERE p.prokind IN ('f', 'p') AND p.proname <> $2 || '_head_sync'
              AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
            UNION ALL
            SELECT 'trigger ' || pg_get_triggerdef(tg.oid)
            FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN ns n ON n.oid = c.relnamespace
            WHERE NOT tg.tgisinternal AND tg.tgrelid NOT IN (SELECT oid FROM ledger)
            UNION ALL
            SELECT format('type %s.%s (%s) %s', n.nspname, t.typname, t.typtype,
                          coalesce((SELECT string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), format_type(t.typbasetype, t.typtypmod)))
            FROM pg_type t JOIN ns n ON n.oid = t.typnamespace
            WHERE t.typtype IN ('e', 'd', 'r', 'm')
            UNION ALL
            SELECT format('extension %s %s', extname, extversion) FROM pg_extension
        ) catalog
        ORDER BY line COLLATE "C"
        """;

    private CatalogSnapshot(IReadOnlyList<string> lines) => Lines = lines;

    /// <summary>The catalog's lines, sorted.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Reads the catalog of the database <paramref name="dataSource"/> connects to; the ledger of <paramref name="options"/> is left out.</summary>
    public static async Task<CatalogSnapshot> ReadAsync(NpgsqlDataSource dataSource, MigrationRunnerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        options ??= new MigrationRunnerOptions();
        await using var command = dataSource.CreateCommand(Query);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = options.Schema });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = options.TableName });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lines.Add(reader.GetString(0));
        }

        return new CatalogSnapshot(lines);
    }

    /// <summary>What <paramref name="other"/> lacks of this snapshot (<c>- line</c>) and has beyond it (<c>+ line</c>); empty when equal.</summary>
    public IReadOnlyList<string> DifferencesFrom(CatalogSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = new HashSet<string>(Lines, StringComparer.Ordinal);
        var theirs = new HashSet<string>(other.Lines, StringComparer.Ordinal);
        return [.. Lines.Where(line => !theirs.Contains(line)).Select(line => "- " + line), .. other.Lines.Where(line => !mine.Contains(line)).Select(line => "+ " + line)];
    }
}
