namespace SchemaGen.Generator.Data.Tables
{
    /// <summary>What the generator knows of one <c>[Table]</c> model class: plain data, no symbols or locations.</summary>
    internal sealed record TableDefinition(
        string? Schema,
        string Name,
        string FullyQualifiedTypeName,
        EquatableArray<ColumnDefinition> Columns,
        EquatableArray<string> PrimaryKey,
        EquatableArray<ForeignKeyDefinition> ForeignKeys,
        EquatableArray<IndexDefinition> Indexes);
}
