using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaGen.Logging;

namespace SchemaGen.Adopting;

/// <summary>
/// Reads another tool's history and maps it onto SchemaGen numbers. Flyway: version N is number N (a <c>BASELINE</c> row at
/// N stands for 1 to N; the <c>SCHEMA</c> marker and repeatable migrations are skipped). sqlx: the i-th applied version in
/// ascending order is number i. A failed entry, a version that is not a whole number, or gaps are refused with the reason.
/// </summary>
internal static class HistoryImport
{
    public static async Task<IReadOnlyList<AdoptedMigration>> ReadAsync(
        NpgsqlConnection connection, MigrationRunnerOptions options, IReadOnlyList<MigrationDescriptor> migrations, ILogger logger, CancellationToken cancellationToken)
    {
        var source = options.ImportHistoryFrom;
        var table = await ResolveAsync(connection, options.ImportHistoryTable ?? DefaultTable(source), source, cancellationToken).ConfigureAwait(false);
        var sql = source == MigrationHistorySource.Flyway
            ? $"SELECT version, description, type, success, installed_on, execution_time FROM {table} ORDER BY installed_rank"
            : $"SELECT version::text, description, 'SQL', success, installed_on, (execution_time / 1000000)::int FROM {table} ORDER BY version";
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var adopted = new SortedDictionary<int, AdoptedMigration>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var version = reader.IsDBNull(0) ? null : reader.GetString(0);
            var description = reader.IsDBNull(1) ? "" : reader.GetString(1);
            var type = reader.GetString(2);
            var appliedAt = reader.IsDBNull(4) ? (DateTimeOffset?)null : new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero);
            var elapsed = reader.IsDBNull(5) ? (int?)null : reader.GetInt32(5);
            if (!reader.GetBoolean(3))
            {
                throw Refused(source, table, $"it records version {version} ({description}) as failed; resolve that with {source} itself first");
            }

            if (version is null || type is "SCHEMA")
            {
                continue;
            }

            if (source == MigrationHistorySource.Sqlx)
            {
                adopted.Add(adopted.Count + 1, new AdoptedMigration(adopted.Count + 1, appliedAt, elapsed, $"sqlx version {version}: {description}"));
                continue;
            }

            var number = WholeNumber(version) ?? throw Refused(source, table,
                $"version {version} is not a whole number, and SchemaGen numbers are 1, 2, 3…; renumber the migrations with whole numbers first");
            var count = type == "BASELINE" ? number : 1;
            for (var n = number - count + 1; n <= number; n++)
            {
                adopted[n] = new AdoptedMigration(n, appliedAt, n == number ? elapsed : null, $"Flyway {(type == "BASELINE" ? "baseline" : "version")} {version}: {description}");
            }
        }

        EnsureOneToN(adopted, source, table, migrations.Count);
        WarnWhereNamesDiffer(adopted.Values, migrations, logger);
        return adopted.Values.ToList();
    }

    private static string DefaultTable(MigrationHistorySource source)
        => source == MigrationHistorySource.Flyway ? "flyway_schema_history" : "_sqlx_migrations";

    /// <summary>The table's name as PostgreSQL quotes it (<c>regclass</c> output), or a refusal when there is none.</summary>
    private static async Task<string> ResolveAsync(NpgsqlConnection connection, string name, MigrationHistorySource source, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass($1)::text", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string
            ?? throw new MigrationValidationException(
                $"MigrationRunnerOptions.ImportHistoryFrom is {source}, but there is no table '{name}' to import from; set MigrationRunnerOptions.ImportHistoryTable to its name. Nothing was applied.");
    }

    private static int? WholeNumber(string version)
        => int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : null;

    private static void EnsureOneToN(SortedDictionary<int, AdoptedMigration> adopted, MigrationHistorySource source, string table, int known)
    {
        var expected = 1;
        foreach (var number in adopted.Keys)
        {
            if (number != expected)
            {
                throw Refused(source, table, $"it has no migration {expected} but has {number}, and SchemaGen numbers run without gaps");
            }

            expected++;
        }

        if (adopted.Count > known)
        {
            throw Refused(source, table, $"it records {adopted.Count} migrations, but this build has only {known}");
        }
    }

    /// <summary>The other tool's description, in snake_case, should be the SchemaGen name; where it is not, the numbering may be off.</summary>
    private static void WarnWhereNamesDiffer(IEnumerable<AdoptedMigration> adopted, IReadOnlyList<MigrationDescriptor> migrations, ILogger logger)
    {
        foreach (var migration in adopted)
        {
            var descriptor = migrations[migration.Number - 1];
            var described = migration.Origin![(migration.Origin!.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            if (described.Length > 0 && !string.Equals(SnakeCase(described), descriptor.Name, StringComparison.Ordinal))
            {
                MigrationLog.ImportedNameDiffers(logger, descriptor.Id, migration.Origin);
            }
        }
    }

    private static string SnakeCase(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString().Trim('_');
    }

    private static MigrationValidationException Refused(MigrationHistorySource source, string table, string reason)
        => new($"Cannot import the {source} history in {table}: {reason}. Nothing was applied.");
}
