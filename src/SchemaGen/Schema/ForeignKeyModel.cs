namespace SchemaGen.Schema;

/// <summary>A foreign key from some columns of a table to the primary key of another model table.</summary>
/// <param name="columns">The referencing columns.</param>
/// <param name="principalSchema">The referenced table's schema, or null for the current schema.</param>
/// <param name="principalTable">The referenced table.</param>
/// <param name="principalColumns">The referenced columns (the referenced table's primary key).</param>
public sealed class ForeignKeyModel(IReadOnlyList<string> columns, string? principalSchema, string principalTable, IReadOnlyList<string> principalColumns)
{
    /// <summary>The referencing columns.</summary>
    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>The referenced table's schema, or null for the current schema.</summary>
    public string? PrincipalSchema { get; } = principalSchema;

    /// <summary>The referenced table.</summary>
    public string PrincipalTable { get; } = principalTable;

    /// <summary>The referenced columns.</summary>
    public IReadOnlyList<string> PrincipalColumns { get; } = principalColumns;
}
