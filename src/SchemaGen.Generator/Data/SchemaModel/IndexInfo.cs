namespace SchemaGen.Generator.Data.SchemaModel
{
    /// <summary>A declared index, its columns resolved to column names.</summary>
    internal sealed record IndexInfo(string Name, EquatableArray<string> Columns, bool IsUnique, string? Method);
}
