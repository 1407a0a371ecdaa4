namespace SchemaGen.Generator.Data.Tables
{
    /// <summary>A foreign key to another model's primary key.</summary>
    internal sealed record ForeignKeyDefinition(
        EquatableArray<string> Columns, string? PrincipalSchema, string PrincipalTable, EquatableArray<string> PrincipalColumns);
}
