using System.Globalization;
using SchemaGen.Ledger;

namespace SchemaGen.Planning;

/// <summary>
/// The ledger's part of a script, as literal SQL: its set-up, the guard that it records what the script expects, and each
/// migration's row written as the runner writes it (the row's time measured by the server, the SQL file's text kept).
/// </summary>
internal sealed class ScriptedLedger(LedgerTable table)
{
    /// <summary>The time since the transaction began (a transactional migration's <c>BEGIN</c>), in whole milliseconds.</summary>
    private const string SinceTransactionStart = "(extract(epoch FROM clock_timestamp() - now()) * 1000)::int";

    /// <summary>The time since the running row was written, in whole milliseconds.</summary>
    private const string SinceRecordedRunning = "(extract(epoch FROM clock_timestamp() - applied_at) * 1000)::int";

    /// <summary>The schema (when not <c>public</c>, which every database has), the table and its head, in one transaction.</summary>
    public IEnumerable<string> Create()
    {
        if (table.Schema != "public")
        {
            yield return $"CREATE SCHEMA IF NOT EXISTS {SqlIdentifier.Quote(table.Schema)};";
        }

        yield return "BEGIN;";
        yield return table.Create + ";";
        foreach (var statement in table.Head.Install)
        {
            yield return statement + ";";
        }

        yield return "COMMIT;";
    }

    /// <summary>
    /// Stops the script (psql's ON_ERROR_STOP) unless the ledger holds exactly <paramref name="rows"/> applied rows, the highest
    /// numbered <paramref name="highest"/> (0: none, and then the ledger may not exist yet).
    /// </summary>
    public string Guard(int rows, int highest, string expected)
    {
        var raise = "RAISE EXCEPTION " + SqlLiteral.Of(
            $"SchemaGen script: written for a database whose ledger records {expected}, but {table.QualifiedName} holds something else: " +
            "another run or script changed the database since the script was written. Nothing of this script was applied: write it again.") + ";";
        var exists = $"to_regclass({SqlLiteral.Of(table.QualifiedName)}) IS NOT NULL";
        var matches = $"EXISTS (SELECT 1 FROM {table.QualifiedName} WHERE number IS NOT NULL HAVING count(*) = {rows.ToString(CultureInfo.InvariantCulture)} " +
                      $"AND count(*) FILTER (WHERE status <> 'applied') = 0 AND coalesce(max(number), 0) = {highest.ToString(CultureInfo.InvariantCulture)})";

        // PL/pgSQL plans a statement when it first reaches it, so the ledger is read only once it is known to exist.
        string[] body = rows == 0
            ? [$"IF {exists} THEN", $"    IF NOT {matches} THEN", $"        {raise}", "    END IF;", "END IF;"]
            : [$"IF NOT {exists} THEN", $"    {raise}", "END IF;", $"IF NOT {matches} THEN", $"    {raise}", "END IF;"];
        return string.Join('\n', ["DO $schemagen_guard$", "BEGIN", .. body.Select(line => "    " + line), "END", "$schemagen_guard$;"]);
    }

    /// <summary>A transactional migration's row, written just before its COMMIT.</summary>
    public string Applied(MigrationDescriptor migration)
        => Insert(migration, "'applied'", SinceTransactionStart);

    /// <summary>A non-transactional migration's row before it runs, so an interrupted script leaves it <c>running</c>, never applied.</summary>
    public string Running(MigrationDescriptor migration)
        => Insert(migration, "'running'", "0");

    /// <summary>A non-transactional migration's row once every statement ran.</summary>
    public string Completed(MigrationDescriptor migration)
        => $"UPDATE {table.QualifiedName} SET status = 'applied', execution_time_ms = {SinceRecordedRunning}, applied_at = CURRENT_TIMESTAMP, error = NULL " +
           $"WHERE number = {migration.Number.ToString(CultureInfo.InvariantCulture)};";

    /// <summary>A repeatable migration's row, inserted or updated to its checksum, just before its COMMIT.</summary>
    public string RecordRepeatable(MigrationDescriptor migration)
        => $"INSERT INTO {table.QualifiedName} (migration_name, number, checksum, description, execution_time_ms, transactional, status, kind) VALUES (" +
           $"{SqlLiteral.Of(migration.Id)}, NULL, {SqlLiteral.Of(migration.Checksum)}, {SqlLiteral.Of(migration.Description)}, {SinceTransactionStart}, true, 'applied', 'repeatable') " +
           "ON CONFLICT (migration_name) DO UPDATE SET checksum = EXCLUDED.checksum, description = EXCLUDED.description, " +
           "execution_time_ms = EXCLUDED.execution_time_ms, applied_at = CURRENT_TIMESTAMP, applied_by = current_user;";

    /// <summary>What a ledger made before repeatable migrations needs for their rows, as a run adds it.</summary>
    public IEnumerable<string> MakeRoomForRepeatables() => table.AddKindColumn.Select(statement => statement + ";");

    /// <summary>A reverted migration's row removed, just before its down's COMMIT.</summary>
    public string RemoveApplied(MigrationDescriptor migration)
        => $"DELETE FROM {table.QualifiedName} WHERE number = {migration.Number.ToString(CultureInfo.InvariantCulture)} AND status = 'applied';";

    /// <summary>A migration whose down runs outside a transaction, marked as being reverted first, as the reverter marks it.</summary>
    public string MarkReverting(MigrationDescriptor migration)
        => $"UPDATE {table.QualifiedName} SET status = 'running', error = {SqlLiteral.Of(LedgerWrites.RevertingNote)} " +
           $"WHERE number = {migration.Number.ToString(CultureInfo.InvariantCulture)} AND status = 'applied';";

    /// <summary>Its row removed once every statement of its down ran.</summary>
    public string RemoveReverted(MigrationDescriptor migration)
        => $"DELETE FROM {table.QualifiedName} WHERE number = {migration.Number.ToString(CultureInfo.InvariantCulture)} AND status = 'running';";

    private string Insert(MigrationDescriptor migration, string status, string executionTime)
        => $"INSERT INTO {table.QualifiedName} (migration_name, number, checksum, description, execution_time_ms, transactional, status, applied_sql) VALUES (" +
           $"{SqlLiteral.Of(migration.Id)}, {migration.Number.ToString(CultureInfo.InvariantCulture)}, {SqlLiteral.Of(migration.Checksum)}, " +
           $"{SqlLiteral.Of(migration.Description)}, {executionTime}, {SqlLiteral.Of(migration.Transactional)}, {status}, {SqlLiteral.Of(AppliedSql.Of(migration))});";
}
