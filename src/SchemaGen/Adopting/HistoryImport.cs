using Npgsql;

namespace SchemaGen.Adopting;

/// <summary>Reads another tool's history table and maps it onto this build's migrations (<see cref="HistoryMapping"/>); writes nothing.</summary>
internal static class HistoryImport
{
    public static async Task<HistoryImportPlan> PlanAsync(
        NpgsqlConnection connection, MigrationRunnerOptions options, IReadOnlyList<MigrationDescriptor> migrations, CancellationToken cancellationToken)
    {
        var source = options.ImportHistoryFrom;
        var table = await ResolveAsync(connection, options, cancellationToken).ConfigureAwait(false);
        var sql = source == MigrationHistorySource.Flyway
            ? $"SELECT version, description, type, checksum::text, success, installed_on, execution_time FROM {table} ORDER BY installed_rank"
            : $"SELECT version::text, description, 'SQL', encode(checksum, 'hex'), success, installed_on, (execution_time / 1000000)::int FROM {table} ORDER BY version";
        var rows = new List<ForeignRow>();
        await using (var command = new NpgsqlCommand(sql, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new ForeignRow(
                    reader.IsDBNull(0) ? null : reader.GetString(0),
                    reader.IsDBNull(1) ? "" : reader.GetString(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetBoolean(4),
                    reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero),
                    reader.IsDBNull(6) ? null : reader.GetInt32(6)));
            }
        }

        return HistoryMapping.Map(source, table, rows, migrations, options);
    }

    /// <summary>Throws, listing every difference, unless the plan can be imported as it is.</summary>
    public static void EnsureImportable(HistoryImportPlan plan, MigrationRunnerOptions options)
    {
        if (plan.CanImport)
        {
            return;
        }

        var verb = plan.Source == MigrationHistorySource.Sqlx ? "sqlx" : "flyway";
        var differences = string.Join("", plan.Differences.Select(difference => "\n  - " + difference));
        throw new MigrationValidationException(
            $"Cannot import the {plan.Source} history in {plan.Table}: {plan.Differences.Count} difference(s) from this build's migrations:{differences}\n" +
            $"Nothing was recorded or applied. To see the whole mapping, {Remedy.Of(options, $"import {verb} --dry-run", "call MigrationRunner.PlanHistoryImportAsync")}.");
    }

    private static string DefaultTable(MigrationHistorySource source)
        => source == MigrationHistorySource.Flyway ? "flyway_schema_history" : "_sqlx_migrations";

    /// <summary>The table's name as PostgreSQL quotes it (<c>regclass</c> output), or a refusal when there is none.</summary>
    private static async Task<string> ResolveAsync(NpgsqlConnection connection, MigrationRunnerOptions options, CancellationToken cancellationToken)
    {
        var name = options.ImportHistoryTable ?? DefaultTable(options.ImportHistoryFrom);
        await using var command = new NpgsqlCommand("SELECT to_regclass($1)::text", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        var verb = options.ImportHistoryFrom == MigrationHistorySource.Sqlx ? "sqlx" : "flyway";
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string
            ?? throw new MigrationValidationException(
                $"MigrationRunnerOptions.ImportHistoryFrom is {options.ImportHistoryFrom}, but there is no table '{name}' to import from; " +
                $"{Remedy.Of(options, $"import {verb} --table NAME", "set MigrationRunnerOptions.ImportHistoryTable to its name")}. Nothing was applied.");
    }
}
