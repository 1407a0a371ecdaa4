using System.Diagnostics;
using System.Globalization;
using SchemaGen.Applying;
using SchemaGen.Logging;
using SchemaGen.Reverting;

namespace SchemaGen;

/// <summary>Reverting: each migration's down, newest first, under the migration lock.</summary>
public sealed partial class MigrationRunner
{
    /// <summary>
    /// Undoes applied migrations, newest first, under the migration lock: each down runs as its migration does (in a transaction
    /// with the removal of its ledger row, or outside one, marked as being reverted first), and the row is removed, so the
    /// ledger says what the database has. Everything is checked before anything runs.
    /// </summary>
    /// <param name="to">Keep migrations 1 to this one (0: none) and revert every applied one above it; null: revert the newest applied one.</param>
    /// <param name="cancellationToken">Cancels the revert; a down cancelled in its transaction is rolled back.</param>
    /// <exception cref="MigrationValidationException">
    /// A migration to revert has no down, a newer build applied it, or the ledger is in a state a run refuses (a failed, interrupted
    /// or edited migration); nothing was reverted.
    /// </exception>
    /// <exception cref="MigrationFailedException">A down failed; the migrations reverted before it stay reverted.</exception>
    public Task<MigrationRevertReport> RevertAsync(int? to = null, CancellationToken cancellationToken = default)
    {
        EnsureRevertTarget(to);
        var started = Stopwatch.GetTimestamp();
        return WithLockAsync(
            async connection =>
            {
                var ledger = await _ledger.TryReadAsync(connection, _migrations, cancellationToken).ConfigureAwait(false) ?? [];
                var plan = RevertPlanner.Plan(_migrations, ledger, _ledger.Table, _options, to);
                var reverted = new List<RevertedMigration>(plan.Count);
                foreach (var migration in plan)
                {
                    var step = new MigrationStep(connection, _ledger, migration, _options, _logger, SessionAtDefaults: reverted.Count > 0);
                    reverted.Add(await MigrationReverter.RevertAsync(step, cancellationToken).ConfigureAwait(false));
                }

                MigrationLog.RevertSummary(_logger, reverted.Count, ledger.Count - reverted.Count);
                return new MigrationRevertReport(reverted, Stopwatch.GetElapsedTime(started));
            },
            cancellationToken);
    }

    /// <summary>What <see cref="RevertAsync"/> would revert, newest first, refused as it would be. Applies nothing and takes no lock.</summary>
    public async Task<IReadOnlyList<MigrationDescriptor>> PlanRevertAsync(int? to = null, CancellationToken cancellationToken = default)
    {
        EnsureRevertTarget(to);
        return RevertPlanner.Plan(_migrations, await ReadLedgerAsync(cancellationToken).ConfigureAwait(false) ?? [], _ledger.Table, _options, to);
    }

    private void EnsureRevertTarget(int? to)
    {
        if (to is { } keep && (keep < 0 || keep > _migrations.Count))
        {
            throw new ArgumentOutOfRangeException(
                nameof(to), keep, string.Create(CultureInfo.InvariantCulture, $"to must be 0 (revert all) or a migration of this build, 1 to {_migrations.Count}."));
        }
    }
}
