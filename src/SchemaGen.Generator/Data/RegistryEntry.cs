namespace SchemaGen.Generator.Data
{
    /// <summary>One row of the generated registry: a class to instantiate, or (<see cref="Sql"/> set) the SQL of a <c>.sql</c> file.</summary>
    internal sealed record RegistryEntry(
        int Number,
        string Name,
        string Description,
        bool Transactional,
        string Checksum,
        string FullyQualifiedTypeName,
        string? Sql = null);
}
