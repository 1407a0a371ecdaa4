using Npgsql;
using SchemaGen.Ledger;
using SchemaGen.Logging;

namespace SchemaGen.Adopting;

/// <summary>
/// Fills an empty ledger for a database whose schema already has migrations: from another tool's history
/// (<see cref="MigrationRunnerOptions.ImportHistoryFrom"/>) or a baseline number. Rows are marked <c>baseline</c>: recorded, never run.
/// </summary>
internal static class LedgerAdoption
{
    /// <summary>The ledger's rows; when it has none, after adopting the database (baseline or imported history) if the options ask for it.</summary>
    public static async Task<IReadOnlyList<LedgerRow>> ReadOrAdoptAsync(NpgsqlConnection connection, LedgerStore ledger, LedgerSetup setup, CancellationToken cancellationToken)
    {
        var rows = await ledger.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 && await AdoptAsync(connection, ledger, setup, cancellationToken).ConfigureAwait(false)
            ? await ledger.ReadAsync(connection, cancellationToken).ConfigureAwait(false)
            : rows;
    }

    /// <returns>Whether anything was recorded.</returns>
    private static async Task<bool> AdoptAsync(NpgsqlConnection connection, LedgerStore ledger, LedgerSetup setup, CancellationToken cancellationToken)
    {
        var options = setup.Options;
        IReadOnlyList<AdoptedMigration> adopted;
        if (options.ImportHistoryFrom != MigrationHistorySource.None)
        {
            adopted = await HistoryImport.ReadAsync(connection, options, setup.Migrations, setup.Logger, cancellationToken).ConfigureAwait(false);
        }
        else if (options.BaselineNumber is { } baseline)
        {
            adopted = Enumerable.Range(1, baseline).Select(number => new AdoptedMigration(number, null, null, null)).ToList();
        }
        else
        {
            return false;
        }

        if (adopted.Count == 0)
        {
            return false;
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

        return true;
    }
}
