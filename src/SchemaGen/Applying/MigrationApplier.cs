using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaGen.Ledger;
using SchemaGen.Logging;
using SchemaGen.Telemetry;

namespace SchemaGen.Applying;

/// <summary>
/// Applies one migration and records it. A transactional migration and its ledger row commit together or not at all;
/// a non-transactional one is recorded as running first, then applied or failed, so an interrupted one is never mistaken for done.
/// </summary>
internal static class MigrationApplier
{
    /// <summary>
    /// Applies a migration under the session lock. <paramref name="sessionAtDefaults"/>: a migration before it in this run
    /// left the session reset, so its transaction need not reset it again.
    /// </summary>
    public static async Task<AppliedMigration> ApplyAsync(
        NpgsqlConnection connection, LedgerStore ledger, MigrationDescriptor migration, MigrationRunnerOptions options, ILogger logger, bool sessionAtDefaults,
        CancellationToken cancellationToken)
    {
        var step = Start(connection, ledger, migration, options, logger, sessionAtDefaults);
        using var activity = Instrumentation.StartMigration(migration, connection.Database);
        using var progress = new MigrationProgress(step);
        try
        {
            var context = migration.Transactional
                ? await TransactionalApplier.ApplyAsync(step, cancellationToken).ConfigureAwait(false)
                : await NonTransactionalApplier.ApplyAsync(step, recordedRunning: false, renewFrom: null, cancellationToken).ConfigureAwait(false);
            return Completed(step, context, activity);
        }
        catch (Exception e)
        {
            Instrumentation.Fail(activity, e, connection.Database);
            throw;
        }
    }

    public static MigrationStep Start(
        NpgsqlConnection connection, LedgerStore ledger, MigrationDescriptor migration, MigrationRunnerOptions options, ILogger logger, bool sessionAtDefaults = false)
    {
        MigrationLog.Applying(logger, migration.Id, migration.Description);
        return new MigrationStep(connection, ledger, migration, options, logger, sessionAtDefaults);
    }

    public static AppliedMigration Completed(MigrationStep step, MigrationContext context, Activity? activity)
    {
        var elapsed = Stopwatch.GetElapsedTime(step.Started);
        Instrumentation.MigrationApplied(activity, step.Connection.Database, elapsed);
        var stats = context.Stats;
        if (stats.IsKnown)
        {
            MigrationLog.Applied(step.Logger, step.Migration.Id, (long)elapsed.TotalMilliseconds, stats.TablesCreated, stats.ColumnsAdded, stats.IndexesCreated);
        }
        else
        {
            MigrationLog.AppliedUncounted(step.Logger, step.Migration.Id, (long)elapsed.TotalMilliseconds);
        }

        return new AppliedMigration(step.Migration, elapsed, stats);
    }

    public static bool IsCancellation(Exception error, CancellationToken cancellationToken)
        => error is OperationCanceledException && cancellationToken.IsCancellationRequested;
}
