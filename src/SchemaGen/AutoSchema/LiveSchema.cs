namespace SchemaGen.AutoSchema;

/// <summary>What the database holds in the schemas the model uses, read from <c>pg_catalog</c>.</summary>
internal sealed class LiveSchema(
    string currentSchema,
    HashSet<string> schemas,
    Dictionary<QualifiedName, LiveRelation> relations,
    Dictionary<QualifiedName, LiveIndex> indexes)
{
    /// <summary>The schema unqualified model tables live in (<c>current_schema()</c>).</summary>
    public string CurrentSchema { get; } = currentSchema;

    /// <summary>The model's schemas that exist.</summary>
    public HashSet<string> Schemas { get; } = schemas;

    /// <summary>Tables, views and other relations, by name.</summary>
    public Dictionary<QualifiedName, LiveRelation> Relations { get; } = relations;

    /// <summary>Indexes, by schema and index name.</summary>
    public Dictionary<QualifiedName, LiveIndex> Indexes { get; } = indexes;
}

/// <summary>A relation and its columns in table order.</summary>
internal sealed class LiveRelation(char kind)
{
    /// <summary><c>pg_class.relkind</c>: <c>r</c> and <c>p</c> are tables.</summary>
    public char Kind { get; } = kind;

    public bool IsTable => Kind is 'r' or 'p';

    public List<LiveColumn> Columns { get; } = [];

    public LiveColumn? Find(string column) => Columns.Find(c => c.Name == column);
}

/// <summary>A column as <c>format_type</c> and <c>attnotnull</c> describe it.</summary>
internal sealed record LiveColumn(string Name, string StoreType, bool IsNullable);

/// <summary>An index: its table, key columns (<c>(expression)</c> for an expression), uniqueness and access method.</summary>
internal sealed record LiveIndex(string Table, List<string> Columns, bool IsUnique, string Method);
