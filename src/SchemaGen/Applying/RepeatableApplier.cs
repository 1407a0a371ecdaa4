using Npgsql;
using SchemaGen.Telemetry;

namespace SchemaGen.Applying;

/// <summary>
/// Applies a repeatable migration in a transaction with its ledger row (inserted, or updated to the new checksum): both commit,
/// or neither, and the objects keep the version applied before.
/// </summary>
internal static class RepeatableApplier
{
    private const string RolledBack =
        "It ran in a transaction, so nothing of it was applied: its objects keep the version applied before, and the ledger that version's checksum. Fix it and run again.";

    /// <summary>Applies it in <paramref name="transaction"/>, which it commits, or rolls back on failure.</summary>
    public static async Task<AppliedMigration> ApplyAsync(MigrationStep step, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        using var activity = Instrumentation.StartMigration(step.Migration, step.Connection.Database);
        var context = step.NewContext(transaction);
        try
        {
            await step.Migration.CreateInstance().UpAsync(context, cancellationToken).ConfigureAwait(false);
            await using var batch = step.Batch(transaction, [.. SessionSettings.Reset(), step.Ledger.Writes.RecordRepeatable(step.Migration, step.ElapsedMs), new NpgsqlBatchCommand("COMMIT")]);
            batch.Timeout = step.Options.CommandTimeoutSeconds;
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return MigrationApplier.Completed(step, context, activity);
        }
        catch (Exception e)
        {
            await TransactionalApplier.RollBackQuietlyAsync(transaction).ConfigureAwait(false);
            Instrumentation.Fail(activity, e, step.Connection.Database);
            if (MigrationApplier.IsCancellation(e, cancellationToken))
            {
                throw;
            }

            throw step.Failure(e, context, RolledBack);
        }
    }
}
