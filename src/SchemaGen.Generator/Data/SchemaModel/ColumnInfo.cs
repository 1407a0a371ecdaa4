namespace SchemaGen.Generator.Data.SchemaModel
{
    /// <summary>One mapped property. <see cref="Generation"/> names a <c>SchemaGen.Schema.ColumnGeneration</c> member.</summary>
    internal sealed record ColumnInfo(string Name, string StoreType, bool IsNullable, string? DefaultSql, string Generation);
}
