namespace SchemaGen;

/// <summary>What one <see cref="MigrationRunner.RunAsync"/> did.</summary>
/// <param name="Applied">The migrations applied by this run, in order, each with its time and counts.</param>
/// <param name="AlreadyApplied">How many of this build's migrations were applied before the run.</param>
/// <param name="LedgerCreated">Whether this run created the ledger table.</param>
/// <param name="Elapsed">The run's wall-clock time.</param>
public sealed record MigrationRunReport(
    IReadOnlyList<AppliedMigration> Applied,
    int AlreadyApplied,
    bool LedgerCreated,
    TimeSpan Elapsed)
{
    /// <summary>The counts summed over every applied migration; <see cref="MigrationStats.Unknown"/> when any one's are.</summary>
    public MigrationStats Totals
    {
        get
        {
            var totals = default(MigrationStats);
            foreach (var applied in Applied)
            {
                totals += applied.Stats;
            }

            return totals;
        }
    }

    /// <summary>The counts summed over the applied migrations whose counts are known, and how many are not.</summary>
    internal (MigrationStats Counted, int Uncounted) CountedTotals()
    {
        var counted = default(MigrationStats);
        var uncounted = 0;
        foreach (var applied in Applied)
        {
            if (applied.Stats.IsKnown)
            {
                counted += applied.Stats;
            }
            else
            {
                uncounted++;
            }
        }

        return (counted, uncounted);
    }
}

/// <summary>One migration applied by a run.</summary>
public sealed record AppliedMigration(MigrationDescriptor Migration, TimeSpan Elapsed, MigrationStats Stats);
