using SchemaGen.Adopting;
using SchemaGen.Applying;
using SchemaGen.Ledger;
using SchemaGen.Logging;

namespace SchemaGen;

/// <summary>Adopting a database whose schema already has migrations: a baseline, or another tool's history, applying nothing.</summary>
public sealed partial class MigrationRunner
{
    /// <summary>
    /// Records migrations 1 to <paramref name="number"/> as applied without running them (marked <c>baseline</c>), for a database
    /// whose schema already has them and whose ledger is empty or missing. Applies nothing; logs what is pending. Takes the migration lock.
    /// </summary>
    /// <returns>How many migrations were recorded.</returns>
    /// <exception cref="MigrationValidationException">The number is not a migration of this build, or the ledger already has rows; nothing changed.</exception>
    public Task<int> BaselineAsync(int number, CancellationToken cancellationToken = default)
    {
        if (number < 1 || number > _migrations.Count)
        {
            throw new MigrationValidationException($"{number} is not a migration of this build; give a number from 1 to {_migrations.Count}.");
        }

        var options = _options.Copy();
        options.BaselineNumber = number;
        options.ImportHistoryFrom = MigrationHistorySource.None;
        return AdoptOnlyAsync(options, cancellationToken);
    }

    /// <summary>
    /// How <see cref="MigrationRunnerOptions.ImportHistoryFrom"/>'s history maps onto this build's migrations, row by row, with
    /// every difference that would refuse the import. Writes nothing and takes no lock.
    /// </summary>
    public async Task<HistoryImportPlan> PlanHistoryImportAsync(CancellationToken cancellationToken = default)
    {
        EnsureImportConfigured();
        var (connection, _) = await ConnectionOpener.OpenAsync(_dataSource, _options, _logger, _ => Task.FromResult(0), cancellationToken).ConfigureAwait(false);
        await using var _ = connection.ConfigureAwait(false);
        return await HistoryImport.PlanAsync(connection, _options, _migrations, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the migrations <see cref="MigrationRunnerOptions.ImportHistoryFrom"/>'s history applied (marked <c>baseline</c>),
    /// when it maps onto this build without a difference (or only differences accepted by number). Applies nothing; logs what is
    /// pending. Takes the migration lock.
    /// </summary>
    /// <returns>How many migrations were recorded.</returns>
    /// <exception cref="MigrationValidationException">A difference refuses the import (every one listed), or the ledger already has rows; nothing changed.</exception>
    public Task<int> ImportHistoryAsync(CancellationToken cancellationToken = default)
    {
        EnsureImportConfigured();
        return AdoptOnlyAsync(_options, cancellationToken);
    }

    private void EnsureImportConfigured()
    {
        if (_options.ImportHistoryFrom == MigrationHistorySource.None)
        {
            throw new InvalidOperationException("Set MigrationRunnerOptions.ImportHistoryFrom to the tool whose history to import (Sqlx or Flyway).");
        }
    }

    /// <summary>Creates the ledger if needed and fills it from a baseline or an imported history, applying nothing.</summary>
    private Task<int> AdoptOnlyAsync(MigrationRunnerOptions options, CancellationToken cancellationToken)
        => WithLockAsync(
            async connection =>
            {
                var setup = new LedgerSetup(_migrations, options, _logger);
                if (await _ledger.TryReadAsync(connection, _migrations, cancellationToken).ConfigureAwait(false) is { Count: > 0 } rows)
                {
                    throw new MigrationValidationException(
                        $"The ledger {_ledger.Table.QualifiedName} already records {rows.Count} migration(s), and a baseline or an import only fills an empty one: " +
                        "nothing is recorded over what it holds. The status verb shows where the database stands. Nothing was changed.");
                }

                await LedgerAdoption.EnsureImportableAsync(connection, _ledger, setup, cancellationToken).ConfigureAwait(false);
                await _ledger.EnsureCreatedAsync(connection, setup, inTransaction: false, cancellationToken).ConfigureAwait(false);
                var recorded = await LedgerAdoption.AdoptAsync(connection, _ledger, setup, cancellationToken).ConfigureAwait(false);
                if (recorded < _migrations.Count)
                {
                    MigrationLog.PendingAfterAdoption(_logger, _migrations.Count - recorded, _migrations[recorded].Id);
                }
                else
                {
                    MigrationLog.NonePendingAfterAdoption(_logger);
                }

                return recorded;
            },
            cancellationToken);
}
