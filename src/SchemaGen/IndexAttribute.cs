namespace SchemaGen;

/// <summary>
/// Declares an index on a <c>[Table]</c> model class. Name the columns with <c>nameof</c> of the properties
/// (a column name works too); auto-schema creates the index if no index of that name exists.
/// </summary>
/// <param name="columns">The indexed properties or columns, in index order.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class IndexAttribute(params string[] columns) : Attribute
{
    /// <summary>The indexed properties or columns, in index order.</summary>
    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>The index name; by default <c>ix_{table}_{column}_{column}…</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Whether the index is unique.</summary>
    public bool IsUnique { get; set; }

    /// <summary>The access method (<c>btree</c>, <c>hash</c>, <c>gin</c>, <c>gist</c>, <c>brin</c>…); btree when not set.</summary>
    public string? Method { get; set; }
}
