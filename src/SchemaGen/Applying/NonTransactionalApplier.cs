using Npgsql;
using SchemaGen.Ledger;
using SchemaGen.SqlParsing;

namespace SchemaGen.Applying;

/// <summary>
/// Runs a migration outside a transaction (for <c>CREATE INDEX CONCURRENTLY</c> and its kind): recorded as running
/// first, then applied, or failed with the reason, so an interrupted one is never mistaken for done.
/// </summary>
internal static class NonTransactionalApplier
{
    private const string PartlyApplied =
        "It is not transactional, so part of it may have been applied. The ledger marks it failed and later runs stop at it: " +
        "check what it changed, finish or undo that by hand, then mark its ledger row applied or delete the row to run it again.";

    private const string ConnectionLost =
        "The connection to the database was lost while it ran. It is not transactional, so part of it may have been applied; its ledger row " +
        "stays 'running' and the next run stops at it: check what it changed, finish or undo that by hand, then mark its ledger row applied " +
        "or delete the row to run it again.";

    private const string NotRecorded =
        "It could not be recorded as running in the ledger, so it was not started: nothing of it was applied. " +
        "Check the ledger table (permissions, triggers, constraints) and run again.";

    /// <param name="step">The migration.</param>
    /// <param name="recordedRunning">Whether its <c>running</c> row was inserted already (under a transaction lock).</param>
    /// <param name="renewFrom">Where to open a second connection that renews the running row while it runs, or null.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    public static async Task<MigrationContext> ApplyAsync(MigrationStep step, bool recordedRunning, NpgsqlDataSource? renewFrom, CancellationToken cancellationToken)
    {
        await step.ExecuteAsync(null, cancellationToken, [.. SessionSettings.Reset(), .. SessionSettings.SessionLockTimeout(step.Options.TableLockTimeout)]).ConfigureAwait(false);
        if (!recordedRunning)
        {
            try
            {
                await step.ExecuteAsync(null, cancellationToken, step.Ledger.Writes.Insert(step.Migration, 0, LedgerStatus.Running)).ConfigureAwait(false);
            }
            catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw step.Failure(e, null, NotRecorded);
            }
        }

        await using var renewal = renewFrom is null ? null : RunningRowRenewal.Start(renewFrom, step.Ledger, step.Migration.Number, step.Options.RunningRowTimeout / 3);

        var context = step.NewContext(transaction: null);
        try
        {
            await step.Migration.CreateInstance().UpAsync(context, cancellationToken).ConfigureAwait(false);
            await step.RecordOutsideTransactionAsync(step.Ledger.Writes.Complete(step.Migration, step.ElapsedMs), cancellationToken).ConfigureAwait(false);
            return context;
        }
        catch (Exception e)
        {
            var reason = FailureReason.Describe(e, context, step.Options);
            // If the row cannot be marked failed it stays 'running', which the next run treats as interrupted: just as safe.
            await step.TryRecordOutsideTransactionAsync(step.Ledger.Writes.Fail(step.Migration, step.ElapsedMs, reason)).ConfigureAwait(false);
            if (MigrationApplier.IsCancellation(e, cancellationToken))
            {
                throw;
            }

            if (FailureReason.IsConnectionLoss(e, step.Connection))
            {
                throw step.Failure(e, context, ConnectionLost);
            }

            throw step.Failure(e, context, PartlyApplied + await InvalidIndexNoteAsync(step.Connection, context).ConfigureAwait(false));
        }
    }

    /// <summary>A failed <c>CREATE INDEX CONCURRENTLY</c> leaves an INVALID index that every write still maintains: say so, and how to drop it.</summary>
    private static async Task<string> InvalidIndexNoteAsync(NpgsqlConnection connection, MigrationContext context)
    {
        if (context.LastFailure?.Statement is not { } statement || ConcurrentIndexBuild.IndexName(statement) is not { } index)
        {
            return "";
        }

        try
        {
            await using var command = new NpgsqlCommand("SELECT NOT indisvalid FROM pg_index WHERE indexrelid = to_regclass($1)", connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = index });
            if (await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) is not true)
            {
                return "";
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return "";
        }

        return $" The index {index} it was building concurrently is left INVALID: queries do not use it but every write still updates it. " +
               $"Drop it before running the migration again: DROP INDEX CONCURRENTLY IF EXISTS {index};";
    }
}
