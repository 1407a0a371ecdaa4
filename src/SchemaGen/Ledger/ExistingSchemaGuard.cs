using Npgsql;

namespace SchemaGen.Ledger;

/// <summary>
/// Refuses to start a ledger in a database that already has tables, unless told how to adopt it: applying migration 1
/// onto a live schema fails at best and half-succeeds at worst. Extension-owned and system objects, and a head left by a dropped ledger, do not count.
/// </summary>
internal static class ExistingSchemaGuard
{
    private const int Named = 5;

    public static async Task EnsureAdoptableAsync(NpgsqlConnection connection, LedgerTable table, MigrationRunnerOptions options, CancellationToken cancellationToken)
    {
        if (options.AllowNonEmptyDatabase || options.BaselineNumber is not null || options.ImportHistoryFrom != MigrationHistorySource.None)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT format('%I.%I', n.nspname, c.relname), count(*) OVER ()
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
              AND c.oid IS DISTINCT FROM to_regclass($2)
              AND ($3 IS NULL OR n.nspname = $3)
            ORDER BY 1
            LIMIT $1
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Named });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table.Head.QualifiedName });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = options.OnlyLedgerSchemaMustBeEmpty ? table.Schema : null });
        var names = new List<string>(Named);
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(reader.GetString(0));
                total = reader.GetInt64(1);
            }
        }

        if (names.Count == 0)
        {
            return;
        }

        var more = total > names.Count ? $" and {total - names.Count} more" : "";
        throw new MigrationValidationException(
            $"The database already has tables ({string.Join(", ", names)}{more}) but no ledger {table.QualifiedName}, so SchemaGen would apply " +
            $"migration 1 onto an existing schema. If the schema already holds migrations 1 to N, {Remedy.Of(options, "baseline N", "set MigrationRunnerOptions.BaselineNumber = N")} to " +
            $"record them as applied without running them; if another tool applied them, {Remedy.Of(options, "import sqlx (or flyway) --dry-run", "set MigrationRunnerOptions.ImportHistoryFrom")} " +
            "to take over its history; if these tables have nothing to do with the migrations, set MigrationRunnerOptions.AllowNonEmptyDatabase = true. Nothing was applied.");
    }
}
