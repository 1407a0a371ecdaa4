namespace SchemaGen.Generator.Data.SchemaModel
{
    /// <summary>A foreign key to another model's primary key.</summary>
    internal sealed record ForeignKeyInfo(
        EquatableArray<string> Columns, string? PrincipalSchema, string PrincipalTable, EquatableArray<string> PrincipalColumns);
}
