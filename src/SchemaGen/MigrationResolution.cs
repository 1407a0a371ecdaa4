namespace SchemaGen;

/// <summary>How <see cref="MigrationRunner.ResolveAsync"/> settles a failed or interrupted non-transactional migration a human has looked at.</summary>
public enum MigrationResolution
{
    /// <summary>A human finished what it does by hand: record it applied, and later runs go past it.</summary>
    Applied,

    /// <summary>A human undid what it did: delete its row, and the next run applies it again.</summary>
    Retry,
}
