using Npgsql;
using SchemaGen.Applying;
using SchemaGen.Ledger;

namespace SchemaGen;

/// <summary>The hand repairs of the ledger, each under the migration lock.</summary>
public sealed partial class MigrationRunner
{
    /// <summary>
    /// Records this build's checksum for applied migration <paramref name="number"/> after an edit that changes nothing the
    /// database sees (a comment, formatting, the case of keywords), so it no longer stops runs. Takes the migration lock.
    /// </summary>
    /// <exception cref="MigrationValidationException">
    /// The migration has no applied row with another checksum, or the edit changes what the database runs (each change listed), or
    /// the ledger did not keep the SQL it was recorded with, so the change cannot be shown; nothing changed.
    /// </exception>
    public Task<ChecksumRepair> RepairChecksumAsync(int number, CancellationToken cancellationToken = default)
        => RepairChecksumAsync(number, force: false, cancellationToken);

    /// <inheritdoc cref="RepairChecksumAsync(int, CancellationToken)"/>
    /// <param name="number">The migration's number.</param>
    /// <param name="force">Record the checksum even when the edit changes what the database runs, or cannot be shown: a person checked that the database has it.</param>
    /// <param name="cancellationToken">Cancels the repair.</param>
    public Task<ChecksumRepair> RepairChecksumAsync(int number, bool force, CancellationToken cancellationToken = default)
        => UnderLockAsync(
            number,
            (connection, migration) => LedgerRepair.RecordChecksumAsync(connection, _ledger.Table, migration, force, _options, _logger, cancellationToken),
            cancellationToken);

    /// <summary>
    /// Records checksum version 2 for every applied SQL migration an earlier release recorded with version 1, after checking that
    /// this build's file still gives that version-1 checksum; so a run with nothing pending takes one query again. Takes the migration lock.
    /// </summary>
    /// <returns>How many rows were re-recorded.</returns>
    public Task<int> UpgradeChecksumsAsync(CancellationToken cancellationToken = default)
        => WithLockAsync(connection => LedgerRepair.UpgradeChecksumsAsync(connection, _ledger, _migrations, _logger, cancellationToken), cancellationToken);

    /// <summary>
    /// Settles non-transactional migration <paramref name="number"/>, recorded failed (or running, and abandoned), after a
    /// human finished it by hand (<see cref="MigrationResolution.Applied"/>) or undid it (<see cref="MigrationResolution.Retry"/>). Takes the migration lock.
    /// </summary>
    /// <exception cref="MigrationValidationException">The migration is not failed or abandoned; nothing changed.</exception>
    public Task ResolveAsync(int number, MigrationResolution resolution, CancellationToken cancellationToken = default)
        => UnderLockAsync(
            number,
            async (connection, migration) =>
            {
                await LedgerRepair.ResolveAsync(connection, _ledger.Table, migration, resolution, _options.RunningRowTimeout, _logger, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    private Task<T> UnderLockAsync<T>(int number, Func<NpgsqlConnection, MigrationDescriptor, Task<T>> repair, CancellationToken cancellationToken)
    {
        if (number < 1 || number > _migrations.Count)
        {
            throw new MigrationValidationException($"{number} is not a migration of this build; give a number from 1 to {_migrations.Count}.");
        }

        return WithLockAsync(connection => repair(connection, _migrations[number - 1]), cancellationToken);
    }

    /// <summary>Runs <paramref name="action"/> on a connection of its own that holds the migration lock.</summary>
    private async Task<T> WithLockAsync<T>(Func<NpgsqlConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        var (connection, _) = await ConnectionOpener.OpenAsync(_dataSource, _options, _logger, _ => Task.FromResult(0), cancellationToken).ConfigureAwait(false);
        await using var _ = connection.ConfigureAwait(false);
        var key = MigrationLock.KeyFor(_ledger.Table);
        await MigrationLock.AcquireAsync(connection, key, _options, () => Task.FromResult(false), _logger, cancellationToken).ConfigureAwait(false);
        try
        {
            return await action(connection).ConfigureAwait(false);
        }
        finally
        {
            await MigrationLock.ReleaseAsync(connection, key, _logger).ConfigureAwait(false);
        }
    }
}
