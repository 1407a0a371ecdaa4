namespace SchemaGen;

/// <summary>Where a database stands against this build, as a whole. The values are the <c>verify</c> verb's exit codes.</summary>
public enum DatabaseState
{
    /// <summary>Every migration of this build is applied as recorded (rows a newer build applied do not count against it).</summary>
    UpToDate = 0,

    /// <summary>Migrations are pending, or one recorded as running is being applied by another process.</summary>
    Pending = 1,

    /// <summary>
    /// A migration failed part-way, or one applied was edited since (its checksum differs, and
    /// <see cref="MigrationRunnerOptions.AllowChecksumMismatch"/> is off): a human has to look.
    /// </summary>
    Drifted = 2,
}

/// <summary>What <see cref="MigrationRunner.VerifyAsync"/> found.</summary>
/// <param name="State">Where the database stands.</param>
/// <param name="Problems">The migrations that make it pending or drifted, in number order; empty when up to date.</param>
public sealed record MigrationVerification(DatabaseState State, IReadOnlyList<MigrationStatus> Problems)
{
    /// <summary>The process exit code for a CI or readiness gate: 0 up to date, 1 pending, 2 drifted.</summary>
    public int ExitCode => (int)State;
}
