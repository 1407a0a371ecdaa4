using Npgsql;
using SchemaGen.Ledger;
using SchemaGen.Logging;

namespace SchemaGen.Applying;

/// <summary>
/// Runs a migration and writes its ledger row in one transaction, retrying it when it gave up waiting for a table lock.
/// Checks, before committing, that the transaction is still the one it opened: SQL that ran <c>COMMIT</c> (or
/// <c>ROLLBACK</c>, <c>END</c>, <c>COMMIT AND CHAIN</c>) through a raw command broke atomicity, and is reported so.
/// </summary>
internal static class TransactionalApplier
{
    private const string DivisionByZero = "22012";

    private const string RolledBack =
        "It ran in a transaction, so nothing of it was applied; the migrations before it stay applied and none after it ran. Fix it and run again.";

    private const string ConnectionLost =
        "The connection to the database was lost while it ran, and PostgreSQL rolls back the transaction of a lost connection: nothing of it " +
        "was applied, the migrations before it stay applied. Run again once the database is reachable.";

    private const string EndedBeforeRecording =
        "its SQL ended the transaction it runs in (a COMMIT, ROLLBACK, END or COMMIT AND CHAIN run through CreateCommand or Connection)";

    private const string EndedItsTransaction =
        "It ended the transaction it shares with its ledger row, so it was not applied atomically: what ran before that statement was " +
        "committed or rolled back by it, and the rest was rolled back. It is recorded as failed " +
        "and later runs stop at it: check what it changed and finish or undo that by hand, then mark its ledger row applied or delete the row " +
        "to run it again. Take the transaction control out of it, or set Transactional = false";

    public static Task<MigrationContext> ApplyAsync(MigrationStep step, CancellationToken cancellationToken)
        => RetryingOnLockTimeoutAsync(step, (transaction, mayRetry) => TryInAsync(step, transaction, mayRetry, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs <paramref name="attempt"/> in a transaction of its own, and again, after a pause that doubles each time, while it
    /// gave up waiting for a table lock and <see cref="MigrationRunnerOptions.TableLockRetries"/> allow.
    /// </summary>
    /// <param name="step">The migration.</param>
    /// <param name="attempt">Runs in the transaction, told whether it may ask for a retry; returns null to ask for one.</param>
    /// <param name="cancellationToken">Cancels the attempts and the pauses.</param>
    public static async Task<MigrationContext> RetryingOnLockTimeoutAsync(
        MigrationStep step, Func<NpgsqlTransaction, bool, Task<MigrationContext?>> attempt, CancellationToken cancellationToken)
    {
        var delay = step.Options.TableLockRetryDelay;
        for (var retry = 1; ; retry++)
        {
            await using var transaction = await step.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (await attempt(transaction, retry <= step.Options.TableLockRetries).ConfigureAwait(false) is { } context)
            {
                return context;
            }

            await PauseBeforeRetryAsync(step, retry, delay, cancellationToken).ConfigureAwait(false);
            delay *= 2;
        }
    }

    public static Task PauseBeforeRetryAsync(MigrationStep step, int retry, TimeSpan delay, CancellationToken cancellationToken)
    {
        MigrationLog.RetryingAfterLockTimeout(step.Logger, step.Migration.Id, retry, step.Options.TableLockRetries, (long)delay.TotalMilliseconds);
        return Task.Delay(delay, cancellationToken);
    }

    /// <summary>Applies the migration in <paramref name="transaction"/>, which it commits, or rolls back on failure.</summary>
    /// <returns>The applied migration's context, or null when it failed on lock_timeout and may be retried.</returns>
    public static async Task<MigrationContext?> TryInAsync(MigrationStep step, NpgsqlTransaction transaction, bool mayRetry, CancellationToken cancellationToken)
    {
        var context = step.NewContext(transaction);
        var prelude = context.Prelude!;
        try
        {
            await step.Migration.CreateInstance().UpAsync(context, cancellationToken).ConfigureAwait(false);
            if (!await RecordAndCommitAsync(step, transaction, prelude, cancellationToken).ConfigureAwait(false))
            {
                await RollBackQuietlyAsync(transaction).ConfigureAwait(false);
                throw await RecordEndedTransactionAsync(step, context, new UnsafeMigrationSqlException(EndedBeforeRecording)).ConfigureAwait(false);
            }

            return context;
        }
        catch (Exception e) when (e is not MigrationFailedException)
        {
            await RollBackQuietlyAsync(transaction).ConfigureAwait(false);
            if (MigrationApplier.IsCancellation(e, cancellationToken))
            {
                throw;
            }

            if (FailureReason.IsConnectionLoss(e, step.Connection))
            {
                throw step.Failure(e, context, ConnectionLost);
            }

            if (prelude.TransactionId != 0 && await CommittedAsync(step.Connection, prelude.TransactionId).ConfigureAwait(false))
            {
                throw await RecordEndedTransactionAsync(step, context, e).ConfigureAwait(false);
            }

            if (mayRetry && e is PostgresException { SqlState: FailureReason.LockNotAvailable })
            {
                return null;
            }

            throw step.Failure(e, context, RolledBack);
        }
    }

    /// <summary>
    /// Writes the ledger row and commits, in one round trip, with the migration's command timeout (deferred constraints and
    /// triggers run at the COMMIT). The row is written only while the transaction is still the one opened: otherwise its
    /// guard divides by zero, which aborts the transaction before the row or the COMMIT runs. A prelude never sent means the
    /// migration ran nothing (every way to the connection sends it), so there is nothing to guard.
    /// </summary>
    /// <returns>False when the migration's own SQL ended its transaction.</returns>
    private static async Task<bool> RecordAndCommitAsync(MigrationStep step, NpgsqlTransaction transaction, TransactionPrelude prelude, CancellationToken cancellationToken)
    {
        var row = prelude.Sent
            ? step.Ledger.Writes.InsertAppliedIn(prelude.TransactionId, step.Migration, step.ElapsedMs)
            : step.Ledger.Writes.Insert(step.Migration, step.ElapsedMs, LedgerStatus.Applied);
        await using var batch = step.Batch(transaction, [.. SessionSettings.Reset(), row, new NpgsqlBatchCommand("COMMIT")]);
        batch.Timeout = step.Options.CommandTimeoutSeconds;
        try
        {
            if (step.Options.LockMode == MigrationLockMode.Session)
            {
                // The same statements close every migration: prepared on the first, they are not parsed and planned again.
                await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == DivisionByZero && prelude.Sent && FirstUnfinished(batch) == row)
        {
            return false;
        }
        catch (InvalidOperationException) when (step.Connection.State == System.Data.ConnectionState.Open)
        {
            // Npgsql saw the server leave the transaction (a plain COMMIT, ROLLBACK or END) and refuses to use it.
            return false;
        }
    }

    /// <summary>The first command the server did not complete (Npgsql sets StatementType on completion): the failed one.</summary>
    private static NpgsqlBatchCommand? FirstUnfinished(NpgsqlBatch batch)
    {
        for (var i = 0; i < batch.BatchCommands.Count; i++)
        {
            if (batch.BatchCommands[i].StatementType == StatementType.Unknown)
            {
                return batch.BatchCommands[i];
            }
        }

        return null;
    }

    private static async Task<bool> CommittedAsync(NpgsqlConnection connection, long transactionId)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT txid_status($1) = 'committed'", connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = transactionId });
            return await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) is true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<MigrationFailedException> RecordEndedTransactionAsync(MigrationStep step, MigrationContext context, Exception error)
    {
        var failure = step.Failure(error, context, EndedItsTransaction);

        // If it cannot be recorded, the message still says what happened.
        await step.TryRecordOutsideTransactionAsync(step.Ledger.Writes.Insert(step.Migration, step.ElapsedMs, LedgerStatus.Failed, failure.Message)).ConfigureAwait(false);
        return failure;
    }

    /// <summary>Rolls back; a transaction already ended, or a connection gone, is not an error to raise over the real one.</summary>
    public static async Task RollBackQuietlyAsync(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is gone, or the migration's own SQL ended the transaction already.
        }
    }
}
