namespace SchemaGen;

/// <summary>Where one migration stands in a database.</summary>
public enum MigrationState
{
    /// <summary>In this build and not yet applied.</summary>
    Pending,

    /// <summary>Applied, and recorded with the checksum this build has.</summary>
    Applied,

    /// <summary>Applied, but this build's code has a different checksum: the migration was edited after it ran.</summary>
    AppliedWithDifferentChecksum,

    /// <summary>A non-transactional migration that failed part-way; the runner will not go past it until it is resolved.</summary>
    Failed,

    /// <summary>A non-transactional migration recorded as started and not finished: running now in another process, or interrupted.</summary>
    Running,

    /// <summary>Recorded in the database but unknown to this build (a newer build applied it).</summary>
    Unknown,
}

/// <summary>One migration's state, from <see cref="MigrationRunner.GetStatusAsync"/>.</summary>
/// <param name="Number">The migration number.</param>
/// <param name="Id">The id, such as <c>001_audit_log</c>.</param>
/// <param name="Description">The description (this build's, or empty for an unknown migration).</param>
/// <param name="State">Where it stands.</param>
/// <param name="AppliedAt">When it was recorded, if it was.</param>
/// <param name="ExecutionTimeMs">How long it took, if it was recorded.</param>
public sealed record MigrationStatus(
    int Number,
    string Id,
    string Description,
    MigrationState State,
    DateTimeOffset? AppliedAt,
    int? ExecutionTimeMs);
