namespace SchemaGen.Generator.Model
{
    /// <summary>
    /// What the generator knows of one <c>[Migration]</c> class.
    /// <see cref="CanBeInstantiated"/> is false when the class breaks a rule the analyzer reports (SG0004);
    /// such a class is checked for numbering but left out of the registry, so the generated code still compiles.
    /// </summary>
    internal sealed record MigrationModel(
        int Number,
        string Name,
        string Description,
        bool Transactional,
        string Checksum,
        string ClassName,
        string FullyQualifiedTypeName,
        bool CanBeInstantiated,
        LocationInfo? AttributeLocation);
}
