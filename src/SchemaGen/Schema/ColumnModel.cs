namespace SchemaGen.Schema;

/// <summary>One column of a model table.</summary>
/// <param name="name">The column name.</param>
/// <param name="storeType">The PostgreSQL type as <c>format_type</c> writes it, such as <c>character varying(255)</c>.</param>
/// <param name="isNullable">Whether the column accepts NULL.</param>
/// <param name="defaultSql">The SQL expression of the column's default, or null.</param>
/// <param name="generation">How PostgreSQL generates the column's values, if it does.</param>
public sealed class ColumnModel(string name, string storeType, bool isNullable, string? defaultSql = null, ColumnGeneration generation = ColumnGeneration.None)
{
    /// <summary>The column name.</summary>
    public string Name { get; } = name;

    /// <summary>The PostgreSQL type as <c>format_type</c> writes it.</summary>
    public string StoreType { get; } = storeType;

    /// <summary>Whether the column accepts NULL.</summary>
    public bool IsNullable { get; } = isNullable;

    /// <summary>The SQL expression of the column's default, or null.</summary>
    public string? DefaultSql { get; } = defaultSql;

    /// <summary>How PostgreSQL generates the column's values, if it does.</summary>
    public ColumnGeneration Generation { get; } = generation;
}
