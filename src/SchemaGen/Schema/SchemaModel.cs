namespace SchemaGen.Schema;

/// <summary>The application's tables as the generator read them from its <c>[Table]</c> model classes.</summary>
public sealed class SchemaModel(IReadOnlyList<TableModel> tables)
{
    /// <summary>The tables, in the order their models were declared.</summary>
    public IReadOnlyList<TableModel> Tables { get; } = tables;
}
