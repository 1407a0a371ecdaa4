namespace SchemaGen.Generator
{
    /// <summary>Names of the generator's pipeline steps, for caching tests.</summary>
    internal static class TrackingNames
    {
        public const string Migrations = nameof(Migrations);
        public const string SqlMigrationFiles = nameof(SqlMigrationFiles);
        public const string SqlMigrations = nameof(SqlMigrations);
        public const string SqlMigrationDiagnostics = nameof(SqlMigrationDiagnostics);
        public const string SqlDowns = nameof(SqlDowns);
        public const string FrozenAutoSchema = nameof(FrozenAutoSchema);
        public const string ModelDifferences = nameof(ModelDifferences);
        public const string TableSites = nameof(TableSites);
        public const string ModelDiagnostics = nameof(ModelDiagnostics);
        public const string ModelMigration = nameof(ModelMigration);
        public const string WritingModelMigration = nameof(WritingModelMigration);
        public const string DownDiagnostics = nameof(DownDiagnostics);
        public const string RepeatableMigrations = nameof(RepeatableMigrations);
        public const string SqlRepeatables = nameof(SqlRepeatables);
        public const string SortedRepeatables = nameof(SortedRepeatables);
        public const string RepeatableRegistry = nameof(RepeatableRegistry);
        public const string RepeatableDiagnostics = nameof(RepeatableDiagnostics);
        public const string SortedMigrations = nameof(SortedMigrations);
        public const string ReleasedMigrations = nameof(ReleasedMigrations);
        public const string Registry = nameof(Registry);
        public const string RegistryChunks = nameof(RegistryChunks);
        public const string RegistryDiagnostics = nameof(RegistryDiagnostics);
        public const string RuntimeReferenced = nameof(RuntimeReferenced);
        public const string Recording = nameof(Recording);
        public const string Tables = nameof(Tables);
        public const string SortedTables = nameof(SortedTables);
        public const string SchemaSupported = nameof(SchemaSupported);
        public const string ExpectedSchema = nameof(ExpectedSchema);
        public const string ExpectedSchemaChunks = nameof(ExpectedSchemaChunks);
        public const string ExpectedSchemaChunkCount = nameof(ExpectedSchemaChunkCount);
        public const string SchemaDiagnostics = nameof(SchemaDiagnostics);
        public const string SchemaFile = nameof(SchemaFile);
        public const string WritingSchema = nameof(WritingSchema);
        public const string SchemaFileDiagnostics = nameof(SchemaFileDiagnostics);
    }
}
