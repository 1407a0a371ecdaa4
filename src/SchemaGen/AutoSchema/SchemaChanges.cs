using SchemaGen.Schema;

namespace SchemaGen.AutoSchema;

/// <summary>What auto-schema will create, in the order it runs, and the differences it leaves alone.</summary>
internal sealed class SchemaChanges(string currentSchema)
{
    public string CurrentSchema { get; } = currentSchema;

    public List<string> SchemasToCreate { get; } = [];

    /// <summary>Tables to create, ordered so that each one's inline foreign keys reference tables that exist by then.</summary>
    public List<TableCreation> TablesToCreate { get; } = [];

    public List<ColumnAddition> ColumnsToAdd { get; } = [];

    /// <summary>Foreign keys added after the tables: those closing a cycle, and those over added columns.</summary>
    public List<ForeignKeyAddition> ForeignKeysToAdd { get; } = [];

    public List<IndexCreation> IndexesToCreate { get; } = [];

    public List<SchemaDifference> Differences { get; } = [];

    public bool IsEmpty => SchemasToCreate.Count == 0 && TablesToCreate.Count == 0 && ColumnsToAdd.Count == 0
        && ForeignKeysToAdd.Count == 0 && IndexesToCreate.Count == 0;

    public string Display(QualifiedName name) => name.Display(CurrentSchema);
}

internal sealed record TableCreation(QualifiedName Name, TableModel Table, IReadOnlyList<ForeignKeyModel> InlineForeignKeys);

internal sealed record ColumnAddition(QualifiedName Table, ColumnModel Column);

internal sealed record ForeignKeyAddition(QualifiedName Table, ForeignKeyModel ForeignKey);

internal sealed record IndexCreation(QualifiedName Table, IndexModel Index);
