using System.Globalization;
using Npgsql;

namespace SchemaGen.Drift;

internal sealed record LiveColumn(string Name, string Type, bool NotNull, string? Default, string Identity);

internal sealed record LiveRelation(string Schema, string Name, char Kind)
{
    public List<LiveColumn> Columns { get; } = [];

    public List<ExpectedConstraint> Constraints { get; } = [];
}

/// <summary>
/// What the database has in the given schemas, read from <c>pg_catalog</c> in one round trip: relations with their columns
/// (types as <c>format_type</c>, defaults as <c>pg_get_expr</c>), constraints, indexes, sequences and types. Objects an
/// extension owns are left out: the migrations did not make them. No array parameters, so a slim data source reads it too.
/// </summary>
internal sealed class LiveCatalog
{
    private const string NotInExtension = "NOT EXISTS (SELECT FROM pg_catalog.pg_depend dep WHERE dep.objid = {0} AND dep.deptype = 'e')";

    private const string RelationsSql = """
        SELECT n.nspname::text, c.relname::text, c.relkind::text, a.attname::text, format_type(a.atttypid, a.atttypmod),
               a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity::text
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname IN ({0}) AND {1}
        ORDER BY 1, 2, a.attnum
        """;

    private const string ConstraintsSql = """
        SELECT n.nspname::text, t.relname::text, con.conname::text, con.contype::text,
               coalesce((SELECT string_agg(a.attname::text, E'\x1f' ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, i)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum), ''),
               coalesce(rn.nspname::text, ''), coalesce(r.relname::text, ''),
               coalesce((SELECT string_agg(a.attname::text, E'\x1f' ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, i)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum), '')
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
        LEFT JOIN pg_catalog.pg_class r ON r.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
        WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND n.nspname IN ({0})
        ORDER BY 1, 2, 3
        """;

    private const string IndexesSql = """
        SELECT n.nspname::text, i.relname::text, t.relname::text, x.indisunique, am.amname::text,
               (SELECT string_agg(coalesce(a.attname::text, '(expression)'), E'\x1f' ORDER BY k.i)
                FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, i)
                LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum > 0
                WHERE k.i <= x.indnkeyatts),
               x.indpred IS NOT NULL
        FROM pg_catalog.pg_index x
        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
        JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace
        JOIN pg_catalog.pg_am am ON am.oid = i.relam
        WHERE n.nspname IN ({0}) AND {1}
        ORDER BY 1, 2
        """;

    private const string TypesSql = """
        SELECT n.nspname::text, t.typname::text, t.typtype::text,
               coalesce((SELECT string_agg(quote_literal(e.enumlabel::text), E'\x1f' ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid), '')
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname IN ({0}) AND {1}
          AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c')))
        ORDER BY 1, 2
        """;

    public Dictionary<(string Schema, string Name), LiveRelation> Relations { get; } = [];

    public Dictionary<(string Schema, string Name), ExpectedIndex> Indexes { get; } = [];

    public Dictionary<(string Schema, string Name), ExpectedType> Types { get; } = [];

    public static async Task<LiveCatalog> ReadAsync(NpgsqlConnection connection, IReadOnlyList<string> schemas, CancellationToken cancellationToken)
    {
        var inSchemas = string.Join(", ", schemas.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)));
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in (ReadOnlySpan<string>)
                 [
                     string.Format(CultureInfo.InvariantCulture, RelationsSql, inSchemas, string.Format(CultureInfo.InvariantCulture, NotInExtension, "c.oid")),
                     string.Format(CultureInfo.InvariantCulture, ConstraintsSql, inSchemas),
                     string.Format(CultureInfo.InvariantCulture, IndexesSql, inSchemas, string.Format(CultureInfo.InvariantCulture, NotInExtension, "i.oid")),
                     string.Format(CultureInfo.InvariantCulture, TypesSql, inSchemas, string.Format(CultureInfo.InvariantCulture, NotInExtension, "t.oid")),
                 ])
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var schema in schemas)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
            }

            batch.BatchCommands.Add(command);
        }

        var catalog = new LiveCatalog();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!catalog.Relations.TryGetValue(key, out var relation))
            {
                catalog.Relations.Add(key, relation = new LiveRelation(key.Item1, key.Item2, reader.GetString(2)[0]));
            }

            if (!reader.IsDBNull(3))
            {
                relation.Columns.Add(new LiveColumn(
                    reader.GetString(3), reader.GetString(4), reader.GetBoolean(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7)));
            }
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (catalog.Relations.TryGetValue((reader.GetString(0), reader.GetString(1)), out var relation))
            {
                relation.Constraints.Add(new ExpectedConstraint(
                    reader.GetString(2), reader.GetString(3)[0], List(reader.GetString(4)), Empty(reader.GetString(5)), Empty(reader.GetString(6)), List(reader.GetString(7))));
            }
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            catalog.Indexes[key] = new ExpectedIndex(
                key.Item1, key.Item2, reader.GetString(2), reader.GetBoolean(3), reader.GetString(4), reader.IsDBNull(5) ? [] : List(reader.GetString(5)), reader.GetBoolean(6));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            catalog.Types[key] = new ExpectedType(key.Item1, key.Item2, reader.GetString(2)[0], true, List(reader.GetString(3)));
        }

        return catalog;
    }

    private static string[] List(string value) => value.Length == 0 ? [] : value.Split('\u001f');

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
