using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace SchemaGen.Hosting;

/// <summary>
/// Migrates many databases (or schemas) with bounded parallelism. Several processes given the same targets share the work
/// without a coordinator: each target has its own migration lock, a process skips a target another one holds and comes back
/// to it after the rest, and by then finds it done (one query) or takes its turn. Each migration is applied exactly once.
/// </summary>
public sealed class TenantMigrator(IReadOnlyList<MigrationDescriptor> migrations, TenantMigrationOptions? options = null, ILogger? logger = null)
{
    private readonly IReadOnlyList<MigrationDescriptor> _migrations = migrations ?? throw new ArgumentNullException(nameof(migrations));
    private readonly TenantMigrationOptions _options = options ?? new TenantMigrationOptions();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Migrates <paramref name="targets"/> and reports on each; a target's failure is reported, not thrown.</summary>
    public async Task<TenantMigrationReport> RunAsync(IReadOnlyList<MigrationTarget> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxParallelism, 1, "options.MaxParallelism");
        var started = Stopwatch.GetTimestamp();
        var results = new TargetResult?[targets.Count];
        var run = new TenantRun(this, targets, results);
        var rest = Enumerable.Range(0, targets.Count).ToList();
        if (_options.CanaryFirst && rest.Count > 0)
        {
            rest.RemoveAt(0);
            await run.MigrateAsync(0, waitForLock: true, cancellationToken).ConfigureAwait(false);
            if (results[0]!.Outcome == TargetOutcome.Failed)
            {
                TenantLog.CanaryFailed(_logger, targets[0].Name);
                run.StopStarting();
            }
        }

        // First pass: a target another process holds is left for later rather than waited on.
        var deferred = await run.MigrateAllAsync(rest, waitForLock: false, cancellationToken).ConfigureAwait(false);
        await run.MigrateAllAsync(deferred, waitForLock: true, cancellationToken).ConfigureAwait(false);
        var report = new TenantMigrationReport(results.Select((result, i) => result ?? NotStarted(targets[i])).ToArray(), Stopwatch.GetElapsedTime(started));
        TenantLog.Finished(_logger, report.Summary);
        return report;
    }

    private static TargetResult NotStarted(MigrationTarget target) => new(target, TargetOutcome.NotStarted, 0, TimeSpan.Zero, null);

    /// <summary>One run over the targets: who is done, and whether new targets may still start.</summary>
    private sealed class TenantRun(TenantMigrator migrator, IReadOnlyList<MigrationTarget> targets, TargetResult?[] results)
    {
        private int _done;
        private volatile bool _stopped;

        public void StopStarting() => _stopped = true;

        /// <returns>The targets left for later: another process held their lock.</returns>
        public async Task<List<int>> MigrateAllAsync(List<int> indexes, bool waitForLock, CancellationToken cancellationToken)
        {
            var deferred = new List<int>();
            await Parallel.ForEachAsync(
                indexes,
                new ParallelOptions { MaxDegreeOfParallelism = migrator._options.MaxParallelism, CancellationToken = cancellationToken },
                async (index, token) =>
                {
                    if (!await MigrateAsync(index, waitForLock, token).ConfigureAwait(false))
                    {
                        lock (deferred)
                        {
                            deferred.Add(index);
                        }
                    }
                }).ConfigureAwait(false);
            return deferred;
        }

        /// <returns>False when the target was left for later.</returns>
        public async Task<bool> MigrateAsync(int index, bool waitForLock, CancellationToken cancellationToken)
        {
            if (_stopped)
            {
                return true;
            }

            var target = targets[index];
            var started = Stopwatch.GetTimestamp();
            try
            {
                await using var dataSource = migrator._options.CreateDataSource(ConnectionStringOf(target));
                var report = await new MigrationRunner(dataSource, migrator._migrations, RunnerOptionsFor(target, waitForLock)).RunAsync(cancellationToken).ConfigureAwait(false);
                Finish(index, new TargetResult(target, report.Applied.Count > 0 ? TargetOutcome.Migrated : TargetOutcome.UpToDate, report.Applied.Count, Stopwatch.GetElapsedTime(started), null));
            }
            catch (MigrationLockTimeoutException) when (!waitForLock)
            {
                return false;
            }
            catch (Exception e) when (e is MigrationException or NpgsqlException or ArgumentException)
            {
                Finish(index, new TargetResult(target, TargetOutcome.Failed, 0, Stopwatch.GetElapsedTime(started), e.Message));
                if (!migrator._options.ContinueOnFailure)
                {
                    StopStarting();
                }
            }

            return true;
        }

        private void Finish(int index, TargetResult result)
        {
            results[index] = result;
            var done = Interlocked.Increment(ref _done);
            if (result.Outcome == TargetOutcome.Failed)
            {
                TenantLog.TargetFailed(migrator._logger, done, targets.Count, result.Target.Name, result.Error!);
            }
            else
            {
                TenantLog.TargetDone(migrator._logger, done, targets.Count, result.Target.Name, result.Applied, (long)result.Elapsed.TotalMilliseconds);
            }
        }

        private MigrationRunnerOptions RunnerOptionsFor(MigrationTarget target, bool waitForLock)
        {
            var options = migrator._options.RunnerOptions.Copy();
            if (!waitForLock)
            {
                options.LockTimeout = TimeSpan.Zero;
            }

            if (target.Schema is { } schema)
            {
                options.Schema = schema;
                options.OnlyLedgerSchemaMustBeEmpty = true;
            }

            return options;
        }

        /// <summary>A schema target's connection puts its schema first on the search_path, the session default its migrations run with.</summary>
        private static string ConnectionStringOf(MigrationTarget target)
            => target.Schema is null
                ? target.ConnectionString
                : new NpgsqlConnectionStringBuilder(target.ConnectionString) { SearchPath = target.Schema }.ConnectionString;
    }
}
