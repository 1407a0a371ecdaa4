namespace SchemaGen.Schema;

/// <summary>One table of the model: its columns, primary key, foreign keys and indexes.</summary>
/// <param name="schema">The schema, or null for the connection's current schema (normally <c>public</c>).</param>
/// <param name="name">The table name, exactly as PostgreSQL stores it.</param>
/// <param name="columns">The columns, in table order.</param>
/// <param name="primaryKey">The primary key's column names, in key order.</param>
/// <param name="foreignKeys">The foreign keys.</param>
/// <param name="indexes">The indexes besides the primary key.</param>
public sealed class TableModel(
    string? schema,
    string name,
    IReadOnlyList<ColumnModel> columns,
    IReadOnlyList<string> primaryKey,
    IReadOnlyList<ForeignKeyModel> foreignKeys,
    IReadOnlyList<IndexModel> indexes)
{
    /// <summary>The schema, or null for the connection's current schema.</summary>
    public string? Schema { get; } = schema;

    /// <summary>The table name.</summary>
    public string Name { get; } = name;

    /// <summary>The columns, in table order.</summary>
    public IReadOnlyList<ColumnModel> Columns { get; } = columns;

    /// <summary>The primary key's column names.</summary>
    public IReadOnlyList<string> PrimaryKey { get; } = primaryKey;

    /// <summary>The foreign keys.</summary>
    public IReadOnlyList<ForeignKeyModel> ForeignKeys { get; } = foreignKeys;

    /// <summary>The indexes besides the primary key.</summary>
    public IReadOnlyList<IndexModel> Indexes { get; } = indexes;
}
