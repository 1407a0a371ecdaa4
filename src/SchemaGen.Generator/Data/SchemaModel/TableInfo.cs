namespace SchemaGen.Generator.Data.SchemaModel
{
    /// <summary>What the generator knows of one <c>[Table]</c> model class: plain data, no symbols or locations.</summary>
    internal sealed record TableInfo(
        string? Schema,
        string Name,
        string FullyQualifiedTypeName,
        EquatableArray<ColumnInfo> Columns,
        EquatableArray<string> PrimaryKey,
        EquatableArray<ForeignKeyInfo> ForeignKeys,
        EquatableArray<IndexInfo> Indexes);
}
