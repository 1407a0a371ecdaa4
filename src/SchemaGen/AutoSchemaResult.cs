namespace SchemaGen;

/// <summary>What <see cref="MigrationContext.AutoSchemaAsync"/> created, and the differences it left alone.</summary>
public sealed class AutoSchemaResult(int tablesCreated, int columnsAdded, int indexesCreated, IReadOnlyList<SchemaDifference> differences)
{
    /// <summary>Tables created.</summary>
    public int TablesCreated { get; } = tablesCreated;

    /// <summary>Columns added to tables that existed.</summary>
    public int ColumnsAdded { get; } = columnsAdded;

    /// <summary>Indexes created (primary keys not counted).</summary>
    public int IndexesCreated { get; } = indexesCreated;

    /// <summary>Where the database differs from the model in a way auto-schema does not change; each was logged as a warning.</summary>
    public IReadOnlyList<SchemaDifference> Differences { get; } = differences;
}
