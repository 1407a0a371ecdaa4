using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SchemaGen.Adopting;
using SchemaGen.Applying;
using SchemaGen.Ledger;
using SchemaGen.Logging;
using SchemaGen.Planning;
using SchemaGen.Telemetry;

namespace SchemaGen;

/// <summary>
/// Applies pending migrations from a generated registry to a PostgreSQL database, recording each in a ledger table.
/// Safe to run from many processes at once: when something is pending they take turns under an advisory lock, and
/// each migration is applied exactly once. When nothing is pending a run costs one query and takes no lock.
/// </summary>
public sealed partial class MigrationRunner
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<MigrationDescriptor> _migrations;
    private readonly MigrationRunnerOptions _options;
    private readonly ILogger _logger;
    private readonly LedgerStore _ledger;
    private readonly LedgerDigest _expectedDigest;
    private int _headChecks;

    /// <summary>Creates a runner.</summary>
    /// <param name="dataSource">The database to migrate.</param>
    /// <param name="migrations">The migrations, normally <c>SchemaGen.Generated.MigrationRegistry.All</c>.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <param name="logger">Where the start-up log goes, or null for none.</param>
    public MigrationRunner(NpgsqlDataSource dataSource, IReadOnlyList<MigrationDescriptor> migrations, MigrationRunnerOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(migrations);
        _options = options ?? new MigrationRunnerOptions();
        _options.Validate();
        if (migrations is not MigrationList)
        {
            // A generated list was checked at compile time; a hand-made one is checked here.
            MigrationListValidation.EnsureValid(migrations);
        }

        if (_options.BaselineNumber is { } baseline)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(baseline, 1, "options.BaselineNumber");
            ArgumentOutOfRangeException.ThrowIfGreaterThan(baseline, migrations.Count, "options.BaselineNumber");
        }

        _dataSource = dataSource;
        _migrations = migrations;
        _logger = logger ?? NullLogger.Instance;
        _ledger = new LedgerStore(new LedgerTable(_options.Schema, _options.TableName));
        _expectedDigest = migrations is MigrationList { Digest: { } digest } list
            ? new LedgerDigest(list.Count + list.RepeatableCount, digest)
            : LedgerDigest.Of(migrations, MigrationList.RepeatablesOf(migrations));
    }

    /// <summary>Applies every pending migration in order and reports what was done.</summary>
    /// <exception cref="MigrationValidationException">
    /// The ledger and this build disagree (edited, renamed or failed migration, out-of-order pending), the ledger was edited by hand or is
    /// another tool's table, or the database has tables but no ledger and no way to adopt them was set; nothing was applied.
    /// </exception>
    /// <exception cref="MigrationFailedException">A migration failed; the ones before it stay applied.</exception>
    /// <exception cref="MigrationLockTimeoutException">Another process held the lock past the timeout.</exception>
    /// <exception cref="MigrationConnectionException">The database could not be reached.</exception>
    public async Task<MigrationRunReport> RunAsync(CancellationToken cancellationToken = default)
    {
        using var activity = Instrumentation.StartRun(_dataSource);
        try
        {
            var report = await RunUntracedAsync(cancellationToken).ConfigureAwait(false);
            Instrumentation.RunFinished(activity, report);
            return report;
        }
        catch (Exception e)
        {
            Instrumentation.Fail(activity, e, database: null);
            throw;
        }
    }

    private async Task<MigrationRunReport> RunUntracedAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Banner();
        if (_options.StartupBanner)
        {
            MigrationLog.Starting(_logger);
        }

        Banner();

        var (connection, head) = await OpenCheckingHeadAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = connection.ConfigureAwait(false);
        if (head == HeadState.Matches)
        {
            return AllAppliedAsRecorded(started);
        }

        if (head == HeadState.Differs)
        {
            // Nothing may be pending even so: this build may be older than the ledger (a rolling deploy), or allow a changed checksum.
            // A non-transactional migration recorded as running may be running right now in another process:
            // only under the lock does that row mean it was interrupted.
            var ledger = await _ledger.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
            if (ledger.All(row => row.Status == LedgerStatus.Applied))
            {
                var plan = MigrationPlanner.Plan(_migrations, ledger, _ledger.Table, _options);
                if (plan.Pending.Count == 0 && (await PendingRepeatablesAsync(connection, plan, cancellationToken).ConfigureAwait(false)).Count == 0)
                {
                    LogPlan(plan);
                    return UpToDate(plan.AlreadyApplied, started);
                }
            }
        }

        if (_options.LockMode == MigrationLockMode.Transaction)
        {
            var run = new TransactionLockedRun(_dataSource, connection, _ledger, new LedgerSetup(_migrations, _options, _logger));
            var (applied, alreadyApplied, created) = await run.RunAsync(_expectedDigest, LogPlan, PendingRepeatablesAsync, cancellationToken).ConfigureAwait(false);
            return Finish(applied, alreadyApplied, created, started);
        }

        var key = MigrationLock.KeyFor(_ledger.Table);
        var locked = await MigrationLock.AcquireAsync(
            connection,
            key,
            _options,
            async () => await _ledger.CheckHeadAsync(connection, _expectedDigest, PrepareHeadCheck(), cancellationToken).ConfigureAwait(false) == HeadState.Matches,
            _logger,
            cancellationToken).ConfigureAwait(false);
        if (!locked)
        {
            return AllAppliedAsRecorded(started);
        }

        try
        {
            return await ApplyUnderLockAsync(connection, started, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await MigrationLock.ReleaseAsync(connection, key, _logger).ConfigureAwait(false);
        }
    }

    /// <summary>The repeatable migrations, built when first asked for (a start-up that finds nothing to do never does).</summary>
    private IReadOnlyList<MigrationDescriptor> Repeatables => MigrationList.RepeatablesOf(_migrations);

    /// <summary>
    /// The repeatable migrations to apply after the numbered ones: none while a newer build has migrated the database (a rolling
    /// deploy), which would otherwise put back its repeatables' older text; the newer build applies them.
    /// </summary>
    private async Task<IReadOnlyList<MigrationDescriptor>> PendingRepeatablesAsync(NpgsqlConnection connection, MigrationPlan plan, CancellationToken cancellationToken)
    {
        if (Repeatables.Count == 0)
        {
            return [];
        }

        var pending = RepeatablePlanner.Pending(Repeatables, await _ledger.TryReadRepeatablesAsync(connection, cancellationToken).ConfigureAwait(false));
        if (pending.Count > 0 && plan.Unknown.Count > 0)
        {
            MigrationLog.RepeatablesHeldBack(_logger, pending.Count, plan.Unknown[^1].MigrationName);
            return [];
        }

        return pending;
    }

    /// <summary>
    /// Whether to prepare the head check: from this runner's second check on, as a process that checks once (an app
    /// starting) would spend a round trip and its start-up time preparing what it never runs again; and only in Session lock
    /// mode, where a connection keeps its session, so the prepared statement survives on it.
    /// </summary>
    private bool PrepareHeadCheck()
        => _options.LockMode == MigrationLockMode.Session && Interlocked.Increment(ref _headChecks) > 1;

    /// <summary>Every migration this build has or the database recorded, with where it stands. Applies nothing and takes no lock.</summary>
    public async Task<IReadOnlyList<MigrationStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var (connection, ledger) = await OpenReadingLedgerAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = connection.ConfigureAwait(false);
        return await StatusesAsync(connection, ledger ?? [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The numbered migrations' states from <paramref name="ledger"/>, then the repeatable ones', read on <paramref name="connection"/>.</summary>
    private async Task<IReadOnlyList<MigrationStatus>> StatusesAsync(NpgsqlConnection connection, IReadOnlyList<LedgerRow> ledger, CancellationToken cancellationToken)
        => MigrationStatusJoin.Combine(
            _migrations,
            ledger,
            Repeatables,
            Repeatables.Count == 0 ? [] : await _ledger.TryReadRepeatablesAsync(connection, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Whether the database is up to date with this build, for a CI gate or a readiness check: one small query when it is,
    /// a read of the ledger when it is not. Applies nothing and takes no lock.
    /// </summary>
    public async Task<MigrationVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var (connection, head) = await OpenCheckingHeadAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = connection.ConfigureAwait(false);
        if (head == HeadState.Matches)
        {
            return new MigrationVerification(DatabaseState.UpToDate, []);
        }

        var ledger = await _ledger.TryReadAsync(connection, _migrations, cancellationToken).ConfigureAwait(false);
        return MigrationVerdict.Of(await StatusesAsync(connection, ledger ?? [], cancellationToken).ConfigureAwait(false), _options);
    }

    /// <summary>Opens a connection (retried) and checks the ledger's head on it, as every run starts.</summary>
    private Task<(NpgsqlConnection Connection, HeadState Head)> OpenCheckingHeadAsync(CancellationToken cancellationToken)
        => ConnectionOpener.OpenAsync(
            _dataSource, _options, _logger, open => _ledger.CheckHeadAsync(open, _expectedDigest, PrepareHeadCheck(), cancellationToken), cancellationToken);

    /// <summary>The ledger's rows, on a connection of their own; null when there is no ledger.</summary>
    private async Task<IReadOnlyList<LedgerRow>?> ReadLedgerAsync(CancellationToken cancellationToken)
    {
        var (connection, ledger) = await OpenReadingLedgerAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = connection.ConfigureAwait(false);
        return ledger;
    }

    /// <summary>Opens a connection (retried) and reads the ledger on it; null when there is none. The caller disposes the connection.</summary>
    private Task<(NpgsqlConnection Connection, IReadOnlyList<LedgerRow>? Ledger)> OpenReadingLedgerAsync(CancellationToken cancellationToken)
        => ConnectionOpener.OpenAsync(_dataSource, _options, _logger, open => _ledger.TryReadAsync(open, _migrations, cancellationToken), cancellationToken);

    private async Task<MigrationRunReport> ApplyUnderLockAsync(NpgsqlConnection connection, long started, CancellationToken cancellationToken)
    {
        var setup = new LedgerSetup(_migrations, _options, _logger);
        await LedgerAdoption.EnsureImportableAsync(connection, _ledger, setup, cancellationToken).ConfigureAwait(false);
        var created = await _ledger.EnsureCreatedAsync(connection, setup, inTransaction: false, cancellationToken).ConfigureAwait(false);

        var rows = await LedgerAdoption.ReadOrAdoptAsync(connection, _ledger, setup, cancellationToken).ConfigureAwait(false);

        var plan = MigrationPlanner.Plan(_migrations, rows, _ledger.Table, _options);
        LogPlan(plan);
        var applied = new List<AppliedMigration>(plan.Pending.Count);
        foreach (var migration in plan.Pending)
        {
            // Every migration applied leaves the session reset: a transactional one in its closing batch, a non-transactional
            // one before its ledger row. Only the first one's transaction resets it.
            var sessionAtDefaults = applied.Count > 0;
            applied.Add(await MigrationApplier.ApplyAsync(connection, _ledger, migration, _options, _logger, sessionAtDefaults, cancellationToken).ConfigureAwait(false));
        }

        foreach (var repeatable in await PendingRepeatablesAsync(connection, plan, cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var step = MigrationApplier.Start(connection, _ledger, repeatable, _options, _logger, sessionAtDefaults: applied.Count > 0);
            applied.Add(await RepeatableApplier.ApplyAsync(step, transaction, cancellationToken).ConfigureAwait(false));
        }

        return Finish(applied, plan.AlreadyApplied, created, started);
    }

    private MigrationRunReport Finish(List<AppliedMigration> applied, int alreadyApplied, bool created, long started)
    {
        var report = new MigrationRunReport(applied, alreadyApplied, created, Stopwatch.GetElapsedTime(started));
        var (totals, uncounted) = report.CountedTotals();
        Banner();
        if (applied.Count == 0)
        {
            MigrationLog.UpToDate(_logger, alreadyApplied);
        }
        else if (uncounted == 0)
        {
            MigrationLog.Summary(_logger, applied.Count, totals.TablesCreated, totals.ColumnsAdded, totals.IndexesCreated);
        }
        else
        {
            MigrationLog.SummaryPartlyCounted(_logger, applied.Count, totals.TablesCreated, totals.ColumnsAdded, totals.IndexesCreated, uncounted);
        }

        Banner();
        return report;
    }

    /// <summary>The ledger's head matches this build's digest: every migration is applied as recorded, and nothing else is.</summary>
    private MigrationRunReport AllAppliedAsRecorded(long started)
    {
        MigrationLog.Discovered(_logger, _migrations.Count);
        return UpToDate(_migrations.Count, started);
    }

    private MigrationRunReport UpToDate(int alreadyApplied, long started)
    {
        MigrationLog.UpToDate(_logger, alreadyApplied);
        Banner();
        return new MigrationRunReport([], alreadyApplied, LedgerCreated: false, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>A rule line of the start-up log's banner, unless <see cref="MigrationRunnerOptions.StartupBanner"/> is off.</summary>
    private void Banner()
    {
        if (_options.StartupBanner)
        {
            MigrationLog.Banner(_logger, MigrationLog.Rule);
        }
    }

    private void LogPlan(MigrationPlan plan)
    {
        MigrationLog.Discovered(_logger, _migrations.Count);
        if (plan.Unknown.Count > 0)
        {
            MigrationLog.UnknownApplied(_logger, plan.Unknown.Count, plan.Unknown[^1].MigrationName);
        }

        foreach (var (migration, row) in plan.AllowedChecksumMismatches)
        {
            MigrationLog.ChecksumMismatchAllowed(_logger, migration.Id, row.Checksum, migration.Checksum);
        }

        if (plan.RecordedWithVersion1 > 0)
        {
            MigrationLog.VerifiedWithVersion1(_logger, plan.RecordedWithVersion1, Remedy.Of(_options, "repair checksums", "call MigrationRunner.UpgradeChecksumsAsync"));
        }
    }
}
