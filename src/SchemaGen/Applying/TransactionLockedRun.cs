using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaGen.Adopting;
using SchemaGen.Ledger;
using SchemaGen.Planning;
using SchemaGen.Telemetry;

namespace SchemaGen.Applying;

/// <summary>
/// Applies pending migrations in <see cref="MigrationLockMode.Transaction"/> mode: one transaction per migration, each
/// taking <c>pg_try_advisory_xact_lock</c> first and re-reading the ledger under it, so nothing depends on the session
/// staying the same between transactions (as through a transaction-mode pooler). A non-transactional migration claims its
/// number with a <c>running</c> row in such a transaction, then runs outside it while renewing the row; other runners wait
/// while the row is renewed, and take it as interrupted once renewals stop.
/// </summary>
internal sealed class TransactionLockedRun(NpgsqlDataSource dataSource, NpgsqlConnection connection, LedgerStore ledger, LedgerSetup setup)
{
    private readonly IReadOnlyList<MigrationDescriptor> _migrations = setup.Migrations;
    private readonly MigrationRunnerOptions _options = setup.Options;
    private readonly ILogger _logger = setup.Logger;

    /// <param name="expectedDigest">The head's digest once everything is applied.</param>
    /// <param name="logPlan">Logs the plan, once.</param>
    /// <param name="pendingRepeatables">The repeatable migrations to apply after the numbered ones, read on the connection under the lock.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<(List<AppliedMigration> Applied, int AlreadyApplied, bool LedgerCreated)> RunAsync(
        LedgerDigest expectedDigest,
        Action<MigrationPlan> logPlan,
        Func<NpgsqlConnection, MigrationPlan, CancellationToken, Task<IReadOnlyList<MigrationDescriptor>>> pendingRepeatables,
        CancellationToken cancellationToken)
    {
        var key = MigrationLock.KeyFor(ledger.Table);
        var wait = new LockWait(key, _options, _logger);
        var applied = new List<AppliedMigration>();
        int? alreadyApplied = null;
        var created = false;
        var retries = 0;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (!await MigrationLock.TryInTransactionAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false))
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                await wait.PauseAsync(cancellationToken).ConfigureAwait(false);
                if (await ledger.CheckHeadAsync(connection, expectedDigest, prepare: false, cancellationToken).ConfigureAwait(false) == HeadState.Matches)
                {
                    return (applied, alreadyApplied ?? _migrations.Count - applied.Count, created);
                }

                continue;
            }

            created |= await ledger.EnsureCreatedAsync(connection, setup, inTransaction: true, cancellationToken).ConfigureAwait(false);
            var rows = await LedgerAdoption.ReadOrAdoptAsync(connection, ledger, setup, cancellationToken).ConfigureAwait(false);

            if (rows.Any(row => row.Status == LedgerStatus.Running && row.SinceAppliedAt < _options.RunningRowTimeout))
            {
                // Another runner is applying a non-transactional migration and renewing its row: wait for it.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                await wait.PauseAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var plan = MigrationPlanner.Plan(_migrations, rows, ledger.Table, _options);
            if (alreadyApplied is null)
            {
                alreadyApplied = plan.AlreadyApplied;
                logPlan(plan);
            }

            if (plan.Pending.Count == 0)
            {
                var repeatables = await pendingRepeatables(connection, plan, cancellationToken).ConfigureAwait(false);
                if (repeatables.Count == 0)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return (applied, alreadyApplied.Value, created);
                }

                // One repeatable migration per transaction, under this transaction's lock, as a numbered one.
                wait.Restart();
                applied.Add(await RepeatableApplier.ApplyAsync(MigrationApplier.Start(connection, ledger, repeatables[0], _options, _logger), transaction, cancellationToken).ConfigureAwait(false));
                continue;
            }

            wait.Restart();
            var step = MigrationApplier.Start(connection, ledger, plan.Pending[0], _options, _logger);
            using var activity = Instrumentation.StartMigration(step.Migration, connection.Database);
            using var progress = new MigrationProgress(step);
            try
            {
                if (!step.Migration.Transactional)
                {
                    await step.ExecuteAsync(transaction, cancellationToken, ledger.Writes.Insert(step.Migration, 0, LedgerStatus.Running)).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    var context = await NonTransactionalApplier.ApplyAsync(step, recordedRunning: true, renewFrom: dataSource, cancellationToken).ConfigureAwait(false);
                    applied.Add(MigrationApplier.Completed(step, context, activity));
                    continue;
                }

                var done = await TransactionalApplier.TryInAsync(step, transaction, mayRetry: retries < _options.TableLockRetries, cancellationToken).ConfigureAwait(false);
                if (done is null)
                {
                    retries++;
                    activity?.AddEvent(new ActivityEvent("lock_timeout, retrying"));
                    await TransactionalApplier.PauseBeforeRetryAsync(step, retries, _options.TableLockRetryDelay * (1 << (retries - 1)), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                applied.Add(MigrationApplier.Completed(step, done, activity));
            }
            catch (Exception e)
            {
                Instrumentation.Fail(activity, e, connection.Database);
                throw;
            }

            retries = 0;
        }
    }
}
