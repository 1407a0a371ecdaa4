namespace SchemaGen.Generator
{
    /// <summary>Metadata names of the runtime types the generator and analyzers look for.</summary>
    internal static class WellKnownNames
    {
        public const string MigrationAttribute = "SchemaGen.MigrationAttribute";
        public const string MigrationBase = "SchemaGen.Migration";
        public const string MigrationDescriptor = "SchemaGen.MigrationDescriptor";
        public const string GeneratedNamespace = "SchemaGen.Generated";
        public const string RegistryClass = "MigrationRegistry";
        public const string RegistryHintName = "SchemaGen.MigrationRegistry.g.cs";
        public const string LockFileHintName = "SchemaGen.MigrationsLock.g.cs";
        public const string RecordingProperty = "build_property.SchemaGenRecording";
    }
}
