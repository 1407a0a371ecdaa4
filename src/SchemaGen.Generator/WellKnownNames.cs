namespace SchemaGen.Generator
{
    /// <summary>Metadata names of the runtime types the generator and analyzers look for.</summary>
    internal static class WellKnownNames
    {
        public const string MigrationAttribute = "SchemaGen.MigrationAttribute";
        public const string RepeatableMigrationAttribute = "SchemaGen.RepeatableMigrationAttribute";
        public const string MigrationBase = "SchemaGen.Migration";
        public const string MigrationDescriptor = "SchemaGen.MigrationDescriptor";
        public const string MigrationContext = "SchemaGen.MigrationContext";
        public const string GeneratedNamespace = "SchemaGen.Generated";
        public const string RegistryClass = "MigrationRegistry";
        public const string RegistryHintName = "SchemaGen.MigrationRegistry.g.cs";
        public const string LockFileHintName = "SchemaGen.MigrationsLock.g.cs";
        public const string TableAttribute = "System.ComponentModel.DataAnnotations.Schema.TableAttribute";
        public const string ColumnAttribute = "System.ComponentModel.DataAnnotations.Schema.ColumnAttribute";
        public const string ForeignKeyAttribute = "System.ComponentModel.DataAnnotations.Schema.ForeignKeyAttribute";
        public const string NotMappedAttribute = "System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute";
        public const string DatabaseGeneratedAttribute = "System.ComponentModel.DataAnnotations.Schema.DatabaseGeneratedAttribute";
        public const string KeyAttribute = "System.ComponentModel.DataAnnotations.KeyAttribute";
        public const string RequiredAttribute = "System.ComponentModel.DataAnnotations.RequiredAttribute";
        public const string MaxLengthAttribute = "System.ComponentModel.DataAnnotations.MaxLengthAttribute";
        public const string StringLengthAttribute = "System.ComponentModel.DataAnnotations.StringLengthAttribute";
        public const string IndexAttribute = "SchemaGen.IndexAttribute";
        public const string DefaultValueSqlAttribute = "SchemaGen.DefaultValueSqlAttribute";
        public const string SchemaModel = "SchemaGen.Schema.SchemaModel";
        public const string SchemaHintName = "SchemaGen.SchemaModel.g.cs";
        public const string RecordingProperty = "build_property.SchemaGenRecording";
        public const string SchemaFileProperty = "build_property.SchemaGenSchemaFile";
        public const string WritingSchemaProperty = "build_property.SchemaGenWritingSchema";
        public const string SchemaFileMetadata = "build_metadata.AdditionalFiles.SchemaGenSchemaFile";
        public const string SchemaFileHintName = "SchemaGen.SchemaFile.g.cs";

        /// <summary>Whether the build set the property <paramref name="key"/> names to true (the deliberate targets do).</summary>
        public static bool IsSet(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options, string key)
            => options.GlobalOptions.TryGetValue(key, out var value) && string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase);
        public const string WritingModelMigrationProperty = "build_property.SchemaGenWritingModelMigration";
        public const string MigrationsFolderProperty = "build_property.SchemaGenMigrationsFolder";
        public const string ProjectDirectoryProperty = "build_property.MSBuildProjectDirectory";
        public const string ModelMigrationHintName = "SchemaGen.ModelMigration.g.cs";
        public const string SqlMigrationMetadata = "build_metadata.AdditionalFiles.SchemaGenSqlMigration";
    }
}
