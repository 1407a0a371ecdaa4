namespace SchemaGen;

/// <summary>What one migration created, as counted by the migration itself or by auto-schema.</summary>
public readonly record struct MigrationStats(int TablesCreated, int ColumnsAdded, int IndexesCreated)
{
    /// <summary>The sum of two sets of counts.</summary>
    public static MigrationStats operator +(MigrationStats left, MigrationStats right)
        => new(left.TablesCreated + right.TablesCreated, left.ColumnsAdded + right.ColumnsAdded, left.IndexesCreated + right.IndexesCreated);
}
