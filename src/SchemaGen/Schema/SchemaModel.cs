namespace SchemaGen.Schema;

/// <summary>The application's tables as the generator read them from its <c>[Table]</c> model classes.</summary>
public sealed class SchemaModel(IReadOnlyList<TableModel> tables)
{
    /// <summary>The tables (the generator orders them by schema and name; auto-schema orders creation by foreign keys).</summary>
    public IReadOnlyList<TableModel> Tables { get; } = tables;
}
