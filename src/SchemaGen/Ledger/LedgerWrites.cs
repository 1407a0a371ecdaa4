using Npgsql;
using SchemaGen.Adopting;

namespace SchemaGen.Ledger;

/// <summary>The statements that write ledger rows, each with its parameters bound where its SQL is written.</summary>
internal sealed class LedgerWrites(string qualifiedName)
{
    private readonly string _insert = $"""
        INSERT INTO {qualifiedName} (migration_name, number, checksum, description, execution_time_ms, transactional, status, error, applied_sql)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """;

    // The guard divides by zero unless the transaction is still the one whose id is $7, aborting it before the row is written.
    private readonly string _insertInTransaction = $"""
        INSERT INTO {qualifiedName} (migration_name, number, checksum, description, execution_time_ms, transactional, status, applied_sql)
        SELECT $1, $2, $3, $4, $5, $6, 'applied', $8
        WHERE 1 / (txid_current_if_assigned() IS NOT DISTINCT FROM $7)::int = 1
        """;

    private readonly string _insertBaseline = $"""
        INSERT INTO {qualifiedName} (migration_name, number, checksum, description, execution_time_ms, transactional, status, applied_at, baseline, applied_sql)
        VALUES ($1, $2, $3, $4, $5, $6, 'applied', coalesce($7, CURRENT_TIMESTAMP), true, $8)
        """;

    // A repeatable migration's one row, written anew each time it is applied.
    private readonly string _recordRepeatable = $"""
        INSERT INTO {qualifiedName} (migration_name, number, checksum, description, execution_time_ms, transactional, status, kind)
        VALUES ($1, NULL, $2, $3, $4, true, 'applied', 'repeatable')
        ON CONFLICT (migration_name) DO UPDATE SET checksum = EXCLUDED.checksum, description = EXCLUDED.description,
            execution_time_ms = EXCLUDED.execution_time_ms, applied_at = CURRENT_TIMESTAMP, applied_by = current_user
        """;

    private readonly string _complete = $"UPDATE {qualifiedName} SET status = 'applied', execution_time_ms = $2, applied_at = CURRENT_TIMESTAMP, error = NULL WHERE number = $1";

    private readonly string _fail = $"UPDATE {qualifiedName} SET status = 'failed', execution_time_ms = $2, error = $3 WHERE number = $1";

    private readonly string _renew = $"UPDATE {qualifiedName} SET applied_at = clock_timestamp() WHERE number = $1 AND status = 'running'";

    // As the applied insert's guard: in the transaction whose id is $2 (0: the down ran nothing, so nothing can have ended it).
    private readonly string _removeApplied = $"""
        DELETE FROM {qualifiedName}
        WHERE number = $1 AND status = 'applied' AND ($2 = 0 OR 1 / (txid_current_if_assigned() IS NOT DISTINCT FROM $2)::int = 1)
        """;

    private readonly string _markReverting = $"UPDATE {qualifiedName} SET status = 'running', error = $2 WHERE number = $1 AND status = 'applied'";

    private readonly string _removeReverted = $"DELETE FROM {qualifiedName} WHERE number = $1 AND status = 'running'";

    /// <summary>What a row being reverted outside a transaction says, so a later run that finds it knows what was interrupted.</summary>
    public const string RevertingNote = "its revert was interrupted while its down ran";

    /// <summary>Records a migration; run it in the migration's own transaction (applied) or before it starts (running).</summary>
    public NpgsqlBatchCommand Insert(MigrationDescriptor migration, int executionTimeMs, LedgerStatus status, string? error = null)
    {
        var command = Row(_insert, migration, executionTimeMs);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = FormatStatus(status) });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = error });
        command.Parameters.Add(AppliedSqlOf(migration));
        return command;
    }

    /// <summary>
    /// Records a transactional migration as applied in its own transaction, <paramref name="transactionId"/>: if the
    /// transaction is no longer that one (its SQL ended it), the statement fails with division by zero (22012) and writes nothing.
    /// </summary>
    public NpgsqlBatchCommand InsertAppliedIn(long transactionId, MigrationDescriptor migration, int executionTimeMs)
    {
        var command = Row(_insertInTransaction, migration, executionTimeMs);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = transactionId });
        command.Parameters.Add(AppliedSqlOf(migration));
        return command;
    }

    /// <summary>Records a migration as applied without running it (a baseline, or another tool's history).</summary>
    public NpgsqlBatchCommand InsertBaseline(MigrationDescriptor migration, AdoptedMigration adopted)
    {
        var command = new NpgsqlBatchCommand(_insertBaseline);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = adopted.Origin is null ? migration.Description : $"{migration.Description} (imported: {adopted.Origin})" });
        command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = adopted.ExecutionTimeMs });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = migration.Transactional });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = adopted.AppliedAt });
        command.Parameters.Add(AppliedSqlOf(migration));
        return command;
    }

    /// <summary>Marks a non-transactional migration recorded as running applied.</summary>
    public NpgsqlBatchCommand Complete(MigrationDescriptor migration, int executionTimeMs)
    {
        var command = new NpgsqlBatchCommand(_complete);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = executionTimeMs });
        return command;
    }

    /// <summary>Shows that the runner of a running non-transactional migration is alive.</summary>
    public async Task RenewAsync(NpgsqlConnection connection, int number, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_renew, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = number });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a reverted migration's row in its down's transaction, <paramref name="transactionId"/> (0 when the down ran nothing).</summary>
    public NpgsqlBatchCommand RemoveApplied(MigrationDescriptor migration, long transactionId)
    {
        var command = new NpgsqlBatchCommand(_removeApplied);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = transactionId });
        return command;
    }

    /// <summary>Marks an applied migration as being reverted outside a transaction: running, with <see cref="RevertingNote"/>.</summary>
    public NpgsqlBatchCommand MarkReverting(MigrationDescriptor migration)
    {
        var command = new NpgsqlBatchCommand(_markReverting);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RevertingNote });
        return command;
    }

    /// <summary>Removes the row of a migration whose non-transactional down finished.</summary>
    public NpgsqlBatchCommand RemoveReverted(MigrationDescriptor migration)
    {
        var command = new NpgsqlBatchCommand(_removeReverted);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        return command;
    }

    /// <summary>Records a repeatable migration applied, in its transaction: its row inserted, or updated to this checksum.</summary>
    public NpgsqlBatchCommand RecordRepeatable(MigrationDescriptor migration, int executionTimeMs)
    {
        var command = new NpgsqlBatchCommand(_recordRepeatable);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Description });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = executionTimeMs });
        return command;
    }

    /// <summary>Marks a non-transactional migration recorded as running failed, with the reason.</summary>
    public NpgsqlBatchCommand Fail(MigrationDescriptor migration, int executionTimeMs, string error)
    {
        var command = new NpgsqlBatchCommand(_fail);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = executionTimeMs });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error });
        return command;
    }

    /// <summary>An insert of a migration's row, with its first six parameters: id, number, checksum, description, time, transactional.</summary>
    private static NpgsqlBatchCommand Row(string insert, MigrationDescriptor migration, int executionTimeMs)
    {
        var command = new NpgsqlBatchCommand(insert);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Description });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = executionTimeMs });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = migration.Transactional });
        return command;
    }

    /// <summary>The SQL the row's checksum stands for, compressed; null for a C# migration.</summary>
    private static NpgsqlParameter<byte[]?> AppliedSqlOf(MigrationDescriptor migration)
        => new() { TypedValue = AppliedSql.Of(migration), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea };

    private static string FormatStatus(LedgerStatus status) => status switch
    {
        LedgerStatus.Applied => "applied",
        LedgerStatus.Running => "running",
        _ => "failed",
    };
}
