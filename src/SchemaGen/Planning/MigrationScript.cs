using System.Globalization;
using System.Text;
using SchemaGen.Ledger;

namespace SchemaGen.Planning;

/// <summary>
/// The SQL that applying the pending migrations would run, with each one's ledger row, for a DBA to review or run by hand.
/// A C# migration decides its SQL as it runs, so the script stops before the first one and says so.
/// </summary>
internal static class MigrationScript
{
    public static string Write(IReadOnlyList<MigrationDescriptor> migrations, IReadOnlyList<LedgerRow>? ledger, LedgerTable table)
    {
        var script = new StringBuilder();
        script.AppendLine("-- SchemaGen: the SQL this build's pending migrations would run, in order, each with its ledger row.");
        if (ledger is null)
        {
            script.AppendLine($"-- There is no ledger {table.QualifiedName} yet: run migrate once (it creates the ledger and applies the migrations), or script against a database SchemaGen has migrated.");
            return script.ToString();
        }

        var statuses = MigrationStatusJoin.Combine(migrations, ledger);
        if (statuses.FirstOrDefault(status => status.State is MigrationState.Failed or MigrationState.Running) is { } stuck)
        {
            script.AppendLine($"-- {stuck.Id} is recorded {(stuck.State == MigrationState.Failed ? "failed" : "running")}: resolve it first (the repair verb), then script again.");
            return script.ToString();
        }

        var pending = migrations.Where(migration => statuses.Any(status => status.Number == migration.Number && status.State == MigrationState.Pending)).ToList();
        if (pending.Count == 0)
        {
            script.AppendLine("-- Nothing is pending.");
            return script.ToString();
        }

        script.AppendLine("SET standard_conforming_strings = on;");
        foreach (var migration in pending)
        {
            script.AppendLine();
            if (migration.CreateInstance() is not SqlMigration sql)
            {
                script.AppendLine($"-- {migration.Id} is a C# migration: its SQL is decided as it runs, so it cannot be scripted. Apply it with the migrate verb;");
                script.AppendLine($"-- the {pending.Count - pending.IndexOf(migration) - 1} pending migration(s) after it are not scripted either.");
                break;
            }

            Append(script, migration, sql.Sql, table);
        }

        return script.ToString();
    }

    private static void Append(StringBuilder script, MigrationDescriptor migration, string sql, LedgerTable table)
    {
        script.AppendLine($"-- {migration.Id}: {OneLine(migration.Description)}{(migration.Transactional ? "" : " (not transactional: statement by statement)")}");
        if (migration.Transactional)
        {
            script.AppendLine("BEGIN;");
        }

        var body = sql.TrimEnd();
        script.AppendLine(body.EndsWith(';') ? body : body + ";");
        script.AppendLine(string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO {table.QualifiedName} (migration_name, number, checksum, description, transactional, status)
            VALUES ({Literal(migration.Id)}, {migration.Number}, {Literal(migration.Checksum)}, {Literal(migration.Description)}, {(migration.Transactional ? "true" : "false")}, 'applied');
            """));
        if (migration.Transactional)
        {
            script.AppendLine("COMMIT;");
        }
    }

    /// <summary>A SQL string literal (standard_conforming_strings on, which the script sets): quotes doubled.</summary>
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
