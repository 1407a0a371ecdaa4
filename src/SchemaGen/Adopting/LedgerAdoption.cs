using Npgsql;
using SchemaGen.Ledger;
using SchemaGen.Logging;

namespace SchemaGen.Adopting;

/// <summary>
/// Fills an empty ledger for a database whose schema already has migrations: from another tool's history
/// (<see cref="MigrationRunnerOptions.ImportHistoryFrom"/>) or a baseline number. Rows are marked <c>baseline</c>: recorded, never run.
/// Nothing is recorded unless a person named it by number (the baseline) or the whole history mapped without a difference.
/// </summary>
internal static class LedgerAdoption
{
    /// <summary>The ledger's rows; when it has none, after adopting the database (baseline or imported history) if the options ask for it.</summary>
    public static async Task<IReadOnlyList<LedgerRow>> ReadOrAdoptAsync(NpgsqlConnection connection, LedgerStore ledger, LedgerSetup setup, CancellationToken cancellationToken)
    {
        var rows = await ledger.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 && await AdoptAsync(connection, ledger, setup, cancellationToken).ConfigureAwait(false) > 0
            ? await ledger.ReadAsync(connection, cancellationToken).ConfigureAwait(false)
            : rows;
    }

    /// <summary>
    /// Refuses an import whose history does not map before anything is written, a new ledger table included. Nothing to check
    /// when no import is asked for, or the ledger has rows already (the import is then ignored).
    /// </summary>
    public static async Task EnsureImportableAsync(NpgsqlConnection connection, LedgerStore ledger, LedgerSetup setup, CancellationToken cancellationToken)
    {
        if (setup.Options.ImportHistoryFrom == MigrationHistorySource.None
            || await ledger.TryReadAsync(connection, setup.Migrations, cancellationToken).ConfigureAwait(false) is { Count: > 0 })
        {
            return;
        }

        HistoryImport.EnsureImportable(await HistoryImport.PlanAsync(connection, setup.Options, setup.Migrations, cancellationToken).ConfigureAwait(false), setup.Options);
    }

    /// <summary>Records the baseline or the imported history in the (empty) ledger, in one batch.</summary>
    /// <returns>How many migrations were recorded.</returns>
    public static async Task<int> AdoptAsync(NpgsqlConnection connection, LedgerStore ledger, LedgerSetup setup, CancellationToken cancellationToken)
    {
        var options = setup.Options;
        IReadOnlyList<AdoptedMigration> adopted;
        if (options.ImportHistoryFrom != MigrationHistorySource.None)
        {
            var plan = await HistoryImport.PlanAsync(connection, options, setup.Migrations, cancellationToken).ConfigureAwait(false);
            HistoryImport.EnsureImportable(plan, options);
            foreach (var difference in plan.AcceptedDifferences)
            {
                MigrationLog.ImportDifferenceAccepted(setup.Logger, difference);
            }

            if (plan.Adopted.Count == 0)
            {
                MigrationLog.NothingToImport(setup.Logger, plan.Source.ToString(), plan.Table);
            }

            adopted = plan.Adopted;
        }
        else if (options.BaselineNumber is { } baseline)
        {
            adopted = Enumerable.Range(1, baseline).Select(number => new AdoptedMigration(number, null, null, null)).ToList();
        }
        else
        {
            return 0;
        }

        if (adopted.Count == 0)
        {
            return 0;
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var migration in adopted)
        {
            batch.BatchCommands.Add(ledger.Writes.InsertBaseline(setup.Migrations[migration.Number - 1], migration));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var last = setup.Migrations[adopted.Count - 1].Id;
        if (options.ImportHistoryFrom != MigrationHistorySource.None)
        {
            MigrationLog.HistoryImported(setup.Logger, adopted.Count, options.ImportHistoryFrom.ToString(), last);
        }
        else
        {
            MigrationLog.Baselined(setup.Logger, adopted.Count, last);
        }

        return adopted.Count;
    }
}
