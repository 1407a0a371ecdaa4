using SchemaGen.Ledger;
using SchemaGen.Schema;

namespace SchemaGen.AutoSchema;

/// <summary>A schema-qualified relation name, as PostgreSQL stores it (case and all).</summary>
internal readonly record struct QualifiedName(string Schema, string Name)
{
    /// <summary>The table a foreign key references; an unqualified one lives in <paramref name="currentSchema"/>.</summary>
    public static QualifiedName PrincipalOf(ForeignKeyModel foreignKey, string currentSchema)
        => new(foreignKey.PrincipalSchema ?? currentSchema, foreignKey.PrincipalTable);

    /// <summary>The quoted <c>"schema"."name"</c> for SQL.</summary>
    public string Sql => SqlIdentifier.Quote(Schema) + "." + SqlIdentifier.Quote(Name);

    /// <summary>The name for log lines: bare in the current schema, <c>schema.name</c> elsewhere.</summary>
    public string Display(string currentSchema) => Schema == currentSchema ? Name : Schema + "." + Name;
}
