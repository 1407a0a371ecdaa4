namespace SchemaGen.Schema;

/// <summary>A named index on some columns of a model table.</summary>
/// <param name="name">The index name (unique within the schema).</param>
/// <param name="columns">The indexed column names, in index order.</param>
/// <param name="isUnique">Whether the index is unique.</param>
/// <param name="method">The access method (<c>btree</c>, <c>hash</c>, <c>gin</c>, <c>gist</c>, <c>brin</c>…), or null for btree.</param>
public sealed class IndexModel(string name, IReadOnlyList<string> columns, bool isUnique = false, string? method = null)
{
    /// <summary>The index name.</summary>
    public string Name { get; } = name;

    /// <summary>The indexed column names, in index order.</summary>
    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>Whether the index is unique.</summary>
    public bool IsUnique { get; } = isUnique;

    /// <summary>The access method, or null for btree.</summary>
    public string? Method { get; } = method;
}
