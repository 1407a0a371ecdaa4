namespace SchemaGen;

/// <summary>
/// What one migration created: reported by the migration itself (<see cref="MigrationContext.Count"/>), else counted by SchemaGen
/// from the SQL it ran through <see cref="MigrationContext.ExecuteAsync"/> and from auto-schema. <see cref="Unknown"/> when it
/// also ran SQL SchemaGen cannot count (through <see cref="MigrationContext.CreateCommand"/> or <see cref="MigrationContext.Connection"/>,
/// a <c>DO</c> block, <c>IF NOT EXISTS</c>).
/// </summary>
public readonly record struct MigrationStats(int TablesCreated, int ColumnsAdded, int IndexesCreated)
{
    /// <summary>Counts that cannot be known; logged and reported as such, never as zeros.</summary>
    public static MigrationStats Unknown { get; } = new MigrationStats(0, 0, 0) { IsUnknown = true };

    /// <summary>Whether the counts are known.</summary>
    public bool IsKnown => !IsUnknown;

    // Inverted so that default(MigrationStats), nothing created, is known.
    private bool IsUnknown { get; init; }

    /// <summary>The sum of two sets of counts; unknown when either is.</summary>
    public static MigrationStats operator +(MigrationStats left, MigrationStats right)
        => left.IsKnown && right.IsKnown
            ? new(left.TablesCreated + right.TablesCreated, left.ColumnsAdded + right.ColumnsAdded, left.IndexesCreated + right.IndexesCreated)
            : Unknown;
}
