using System.Globalization;
using SchemaGen.Ledger;

namespace SchemaGen.Planning;

/// <summary>Compares the ledger with this build's registry and decides what to apply, refusing what would be unsafe.</summary>
internal static class MigrationPlanner
{
    public static MigrationPlan Plan(
        IReadOnlyList<MigrationDescriptor> registry,
        IReadOnlyList<LedgerRow> ledger,
        LedgerTable table,
        MigrationRunnerOptions options)
    {
        var recorded = CheckLedger(registry, ledger, table, options);
        var pending = SelectPending(registry, recorded, options);
        return new MigrationPlan(pending, registry.Count - pending.Count, recorded.Unknown, recorded.AllowedMismatches, recorded.Version1Rows);
    }

    /// <summary>What the ledger records, checked against the registry: every row complete, every known one unrenamed and unedited.</summary>
    private static RecordedMigrations CheckLedger(IReadOnlyList<MigrationDescriptor> registry, IReadOnlyList<LedgerRow> ledger, LedgerTable table, MigrationRunnerOptions options)
    {
        var byNumber = new Dictionary<int, MigrationDescriptor>(registry.Count);
        foreach (var migration in registry)
        {
            byNumber.Add(migration.Number, migration);
        }

        var recorded = new RecordedMigrations();
        foreach (var row in ledger)
        {
            if (row.Status != LedgerStatus.Applied)
            {
                throw Incomplete(row, table, options);
            }

            recorded.Add(row);
            if (!byNumber.TryGetValue(row.Number, out var migration))
            {
                recorded.Unknown.Add(row);
            }
            else if (!string.Equals(migration.Id, row.MigrationName, StringComparison.Ordinal))
            {
                throw new MigrationValidationException(
                    $"The database recorded migration {row.Number} as {row.MigrationName}, but in this build migration {row.Number} is {migration.Id}: " +
                    "an applied migration was renamed or renumbered. Restore it as it was, and give the new migration the next free number.",
                    migration.Id);
            }
            else if (!migration.IsRecordedAs(row.Checksum))
            {
                if (!options.AllowChecksumMismatch)
                {
                    throw new MigrationValidationException(
                        $"Migration {migration.Id} was applied with checksum {row.Checksum}, but this build's code has {migration.Checksum}: " +
                        "it was edited after it ran, so the database does not have what the code says. Revert the edit and put the change in a new migration; " +
                        $"if the edit changes nothing the database sees, {Remedy.Of(options, $"repair checksum {migration.Number}", $"call MigrationRunner.RepairChecksumAsync({migration.Number})")}, which shows what changed " +
                        "(or set MigrationRunnerOptions.AllowChecksumMismatch).",
                        migration.Id);
                }

                recorded.AllowedMismatches.Add((migration, row));
            }
            else if (migration.IsRecordedWithVersion1(row.Checksum))
            {
                recorded.Version1Rows++;
            }
        }

        return recorded;
    }

    /// <summary>The registry's migrations the ledger lacks, in order; one below the highest applied is refused unless allowed.</summary>
    private static List<MigrationDescriptor> SelectPending(IReadOnlyList<MigrationDescriptor> registry, RecordedMigrations recorded, MigrationRunnerOptions options)
    {
        var pending = new List<MigrationDescriptor>();
        foreach (var migration in registry)
        {
            if (recorded.Numbers.Contains(migration.Number))
            {
                continue;
            }

            if (recorded.Highest is { } highest && migration.Number < highest.Number && !options.AllowOutOfOrder)
            {
                throw new MigrationValidationException(
                    $"Migration {migration.Id} is pending, but the database already has {highest.MigrationName} applied: applying it now would run it out of order. " +
                    $"Renumber it above {highest.Number.ToString(CultureInfo.InvariantCulture)}, or set MigrationRunnerOptions.AllowOutOfOrder if it does not depend on the migrations after it.",
                    migration.Id);
            }

            pending.Add(migration);
        }

        return pending;
    }

    /// <summary>The applied rows by number, the highest one, and what the checks noticed but may go on past.</summary>
    private sealed class RecordedMigrations
    {
        public HashSet<int> Numbers { get; } = [];

        public LedgerRow? Highest { get; private set; }

        public List<LedgerRow> Unknown { get; } = [];

        public List<(MigrationDescriptor Migration, LedgerRow Row)> AllowedMismatches { get; } = [];

        public int Version1Rows { get; set; }

        public void Add(LedgerRow row)
        {
            Numbers.Add(row.Number);
            if (Highest is null || row.Number > Highest.Number)
            {
                Highest = row;
            }
        }
    }

    private static MigrationValidationException Incomplete(LedgerRow row, LedgerTable table, MigrationRunnerOptions options)
    {
        var number = row.Number.ToString(CultureInfo.InvariantCulture);
        var what = row.Status == LedgerStatus.Failed ? $"failed: {row.Error}" : row.Error ?? "it was interrupted while running";
        return new MigrationValidationException(
            $"Migration {row.MigrationName} did not complete in an earlier run ({what}). Part of it may be in the database, " +
            "and no later migration runs until it is resolved. Check what it changed and finish or undo that by hand; then either mark it applied: " +
            $"{Remedy.Of(options, $"repair applied {number}", $"call MigrationRunner.ResolveAsync({number}, MigrationResolution.Applied)")} " +
            $"(or UPDATE {table.QualifiedName} SET status = 'applied' WHERE number = {number}); or run it again: " +
            $"{Remedy.Of(options, $"repair retry {number}", $"call MigrationRunner.ResolveAsync({number}, MigrationResolution.Retry)")} " +
            $"(or DELETE FROM {table.QualifiedName} WHERE number = {number}).",
            row.MigrationName);
    }
}
