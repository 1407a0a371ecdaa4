namespace SchemaGen.Generator.Data.Tables
{
    /// <summary>A declared index, its columns resolved to column names.</summary>
    internal sealed record IndexDefinition(string Name, EquatableArray<string> Columns, bool IsUnique, string? Method);
}
