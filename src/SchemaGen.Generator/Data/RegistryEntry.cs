namespace SchemaGen.Generator.Data
{
    /// <summary>
    /// One row of the generated registry: a class to instantiate (with <see cref="ConstantSql"/>, the SQL it sends, when known at
    /// compile time), or (<see cref="Sql"/> set) the SQL of a <c>.sql</c> file; with its down, when it is reversible.
    /// </summary>
    internal sealed record RegistryEntry(
        int Number,
        string Name,
        string Description,
        bool Transactional,
        string Checksum,
        string FullyQualifiedTypeName,
        string? Sql = null,
        string? ConstantSql = null,
        bool Reversible = false,
        string? DownSql = null,
        string? ConstantDownSql = null,
        bool DownTransactional = true,
        bool Repeatable = false);
}
