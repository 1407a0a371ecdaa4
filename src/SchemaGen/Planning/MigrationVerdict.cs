namespace SchemaGen.Planning;

/// <summary>Sums migrations' states up into the database's: drifted beats pending beats up to date.</summary>
internal static class MigrationVerdict
{
    public static MigrationVerification Of(IReadOnlyList<MigrationStatus> statuses, MigrationRunnerOptions options)
    {
        var drifted = statuses.Where(status => IsDrift(status.State, options)).ToList();
        if (drifted.Count > 0)
        {
            return new MigrationVerification(DatabaseState.Drifted, drifted);
        }

        // A newer build has migrated (numbered rows this build does not know): its repeatables are its own, not pending for this one.
        var newerBuildMigrated = statuses.Any(status => status.State == MigrationState.Unknown && status.Number > 0);
        var pending = statuses
            .Where(status => status.State is MigrationState.Pending or MigrationState.Running && !(newerBuildMigrated && status.Number == 0))
            .ToList();
        return new MigrationVerification(pending.Count > 0 ? DatabaseState.Pending : DatabaseState.UpToDate, pending);
    }

    private static bool IsDrift(MigrationState state, MigrationRunnerOptions options)
        => state == MigrationState.Failed || (state == MigrationState.AppliedWithDifferentChecksum && !options.AllowChecksumMismatch);
}
