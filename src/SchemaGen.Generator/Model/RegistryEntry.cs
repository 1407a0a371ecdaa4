namespace SchemaGen.Generator.Model
{
    /// <summary>One row of the generated registry.</summary>
    internal sealed record RegistryEntry(
        int Number,
        string Name,
        string Description,
        bool Transactional,
        string Checksum,
        string FullyQualifiedTypeName);
}
