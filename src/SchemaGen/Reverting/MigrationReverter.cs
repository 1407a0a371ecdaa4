using System.Diagnostics;
using Npgsql;
using SchemaGen.Applying;
using SchemaGen.Ledger;
using SchemaGen.Logging;

namespace SchemaGen.Reverting;

/// <summary>
/// Runs one migration's down and removes its ledger row. A transactional down and the removal commit together or not at all
/// (retried when it gave up waiting for a table lock); a non-transactional one is marked as being reverted first, then its row
/// is removed, or marked failed with the reason, so an interrupted revert is never mistaken for either state.
/// </summary>
internal static class MigrationReverter
{
    private const string DivisionByZero = "22012";

    private const string RolledBack =
        "Its down ran in a transaction, so nothing of it was applied and the migration stays applied; the migrations reverted before it stay reverted. Fix its down and revert again.";

    private const string PartlyReverted =
        "Its down is not transactional, so part of it may have run. The ledger marks the migration failed and runs stop at it: finish the down by hand " +
        "and run 'repair retry' (the migration then counts as not applied), or undo what it did and run 'repair applied'.";

    public static async Task<RevertedMigration> RevertAsync(MigrationStep step, CancellationToken cancellationToken)
    {
        MigrationLog.Reverting(step.Logger, step.Migration.Id);
        if (step.Migration.DownTransactional)
        {
            await InTransactionAsync(step, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await OutsideTransactionAsync(step, cancellationToken).ConfigureAwait(false);
        }

        var elapsed = Stopwatch.GetElapsedTime(step.Started);
        MigrationLog.Reverted(step.Logger, step.Migration.Id, (long)elapsed.TotalMilliseconds);
        return new RevertedMigration(step.Migration, elapsed);
    }

    private static Task<MigrationContext> InTransactionAsync(MigrationStep step, CancellationToken cancellationToken)
        => TransactionalApplier.RetryingOnLockTimeoutAsync(step, (transaction, mayRetry) => TryInAsync(step, transaction, mayRetry, cancellationToken), cancellationToken);

    /// <summary>Runs the down in <paramref name="transaction"/> and removes the row; null when it gave up waiting for a table lock and may be retried.</summary>
    private static async Task<MigrationContext?> TryInAsync(MigrationStep step, NpgsqlTransaction transaction, bool mayRetry, CancellationToken cancellationToken)
    {
        var context = step.NewContext(transaction);
        try
        {
            await step.Migration.CreateInstance().DownAsync(context, cancellationToken).ConfigureAwait(false);
            await RemoveAndCommitAsync(step, transaction, context, cancellationToken).ConfigureAwait(false);
            return context;
        }
        catch (Exception e) when (e is not MigrationException)
        {
            await TransactionalApplier.RollBackQuietlyAsync(transaction).ConfigureAwait(false);
            if (MigrationApplier.IsCancellation(e, cancellationToken))
            {
                throw;
            }

            if (mayRetry && e is PostgresException { SqlState: FailureReason.LockNotAvailable })
            {
                return null;
            }

            throw Failure(step, e, context, RolledBack);
        }
    }

    /// <summary>
    /// Removes the row and commits in one round trip. The removal's guard divides by zero when the transaction is no longer the
    /// one the down began in: its own SQL ended it, so part of the down may be committed; the migration is then marked failed.
    /// </summary>
    private static async Task RemoveAndCommitAsync(MigrationStep step, NpgsqlTransaction transaction, MigrationContext context, CancellationToken cancellationToken)
    {
        var removal = step.Ledger.Writes.RemoveApplied(step.Migration, context.Prelude!.Sent ? context.Prelude.TransactionId : 0);
        await using var batch = step.Batch(transaction, [.. SessionSettings.Reset(), removal, new NpgsqlBatchCommand("COMMIT")]);
        batch.Timeout = step.Options.CommandTimeoutSeconds;
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == DivisionByZero && removal.StatementType == StatementType.Unknown)
        {
            await TransactionalApplier.RollBackQuietlyAsync(transaction).ConfigureAwait(false);
            const string Ended = "its down's SQL ended the transaction it runs in (a COMMIT or ROLLBACK through CreateCommand or Connection), so it was not reverted atomically";
            await step.TryRecordOutsideTransactionAsync(step.Ledger.Writes.Fail(step.Migration, step.ElapsedMs, Ended)).ConfigureAwait(false);
            throw Failure(step, new UnsafeMigrationSqlException(Ended), context, PartlyReverted);
        }
    }

    private static async Task OutsideTransactionAsync(MigrationStep step, CancellationToken cancellationToken)
    {
        await step.ExecuteAsync(null, cancellationToken, [.. SessionSettings.Reset(), .. SessionSettings.SessionLockTimeout(step.Options.TableLockTimeout)]).ConfigureAwait(false);
        await step.ExecuteAsync(null, cancellationToken, step.Ledger.Writes.MarkReverting(step.Migration)).ConfigureAwait(false);
        var context = step.NewContext(transaction: null);
        try
        {
            await step.Migration.CreateInstance().DownAsync(context, cancellationToken).ConfigureAwait(false);
            await step.RecordOutsideTransactionAsync(step.Ledger.Writes.RemoveReverted(step.Migration), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var reason = FailureReason.Describe(e, context, step.Options);
            // If the row cannot be marked failed it stays 'running' with the reverting note, which the next run reports as just as interrupted.
            await step.TryRecordOutsideTransactionAsync(step.Ledger.Writes.Fail(step.Migration, step.ElapsedMs, $"its down failed part-way: {reason}")).ConfigureAwait(false);
            if (MigrationApplier.IsCancellation(e, cancellationToken))
            {
                throw;
            }

            throw Failure(step, e, context, PartlyReverted);
        }
    }

    private static MigrationFailedException Failure(MigrationStep step, Exception error, MigrationContext context, string consequence)
    {
        var reason = FailureReason.Describe(error, context, step.Options);
        MigrationLog.RevertFailed(step.Logger, step.Migration.Id, step.ElapsedMs, reason, error);
        return new MigrationFailedException($"Reverting migration {step.Migration.Id} failed: {reason}. {consequence}", step.Migration.Id, error);
    }
}
