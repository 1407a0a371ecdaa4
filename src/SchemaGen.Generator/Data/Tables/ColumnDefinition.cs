namespace SchemaGen.Generator.Data.Tables
{
    /// <summary>One mapped property. <see cref="Generation"/> names a <c>SchemaGen.Schema.ColumnGeneration</c> member.</summary>
    internal sealed record ColumnDefinition(string Name, string StoreType, bool IsNullable, string? DefaultSql, string Generation);
}
