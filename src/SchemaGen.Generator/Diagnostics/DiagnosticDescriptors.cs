using Microsoft.CodeAnalysis;

namespace SchemaGen.Generator.Diagnostics
{
    /// <summary>Every diagnostic SchemaGen reports. Each ID has a section in the README, which its help link opens.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string HelpLinkBase = "https://github.com/schemagen/schemagen/blob/main/README.md#";
        private const string RegistryCategory = "SchemaGen.Registry";
        private const string UsageCategory = "SchemaGen.Usage";
        private const string LockFileCategory = "SchemaGen.LockFile";
        private const string ModelCategory = "SchemaGen.Model";
        private const string SqlCategory = "SchemaGen.Sql";

        public static readonly DiagnosticDescriptor DuplicateNumber = Error(
            "SG0001",
            "Duplicate migration number",
            "Migration number {0} is used by both '{1}' and '{2}'; give '{2}' the number {3}",
            RegistryCategory);

        public static readonly DiagnosticDescriptor NumberGap = Error(
            "SG0002",
            "Gap in migration numbers",
            "Migration {0} missing before '{1}' (number {2}): numbers run 1, 2, 3… without gaps; add the missing migration or renumber '{1}' to {3}",
            RegistryCategory);

        public static readonly DiagnosticDescriptor NumberBelowOne = Error(
            "SG0003",
            "Migration number below 1",
            "Migration '{0}' has the number {1}, but numbers start at 1; give it the next number after the highest one in use",
            RegistryCategory);

        public static readonly DiagnosticDescriptor NotAMigrationClass = Error(
            "SG0004",
            "Class cannot be a migration",
            "'{0}' cannot be a migration: {1}",
            UsageCategory);

        public static readonly DiagnosticDescriptor InvalidName = Error(
            "SG0005",
            "Invalid migration name",
            "Migration '{0}' has an invalid name: {1}",
            RegistryCategory);

        public static readonly DiagnosticDescriptor InvalidDescription = Error(
            "SG0006",
            "Invalid migration description",
            "Migration '{0}' has a description with a NUL character, which PostgreSQL cannot store in the ledger; remove it",
            UsageCategory);

        public static readonly DiagnosticDescriptor InvalidSqlHeader = Error(
            "SG0007",
            "Malformed SQL migration header",
            "'{0}': {1}",
            UsageCategory);

        public static readonly DiagnosticDescriptor InvalidSqlFileName = Error(
            "SG0008",
            "SQL file in the migrations folder is not named like a migration",
            "'{0}' is in the migrations folder but is not named like a migration: {1}; rename it, or move it out of the folder (MSBuild property SchemaGenMigrationsFolder)",
            UsageCategory);

        public static readonly DiagnosticDescriptor RecordedMigrationEdited = Warning(
            "SG0101",
            "A recorded migration was edited",
            "Migration '{0}' ({1}) changed since it was recorded in {2}: recorded {3}, now {4}. A database that applied it will not get the change: revert the edit and add a new migration, or record again only if no database has applied it.");

        public static readonly DiagnosticDescriptor RecordedMigrationGone = Warning(
            "SG0102",
            "A recorded migration is gone from the code",
            "Migration {0} ({1}) is recorded here but is gone from the code{2}. Databases that applied it still expect it: restore it, or record again only if no database has applied it.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor RecordedNumberRenamed = Warning(
            "SG0103",
            "A recorded migration number has a different name",
            "Migration number {0} is recorded as '{1}' in {2}, but '{3}' now has that number with the name '{4}'. Restore '{1}' and give the new migration the next free number, or record again only if no database has applied it.");

        public static readonly DiagnosticDescriptor LockFileUnreadable = Warning(
            "SG0104",
            "The migrations lock file cannot be read",
            "The migrations lock file cannot be used: {0}. Edited migrations are not checked against it until it is fixed; record it again with 'dotnet build -t:SchemaGenRecordMigrations'.");

        public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error(
            "SG0201",
            "Property type has no PostgreSQL mapping",
            "Property '{0}.{1}' has type '{2}', which SchemaGen cannot map to a PostgreSQL column; give it [Column(TypeName = \"...\")] with the PostgreSQL type (such as \"jsonb\"), or mark it [NotMapped]",
            ModelCategory);

        public static readonly DiagnosticDescriptor TableWithoutKey = Error(
            "SG0202",
            "Model has no primary key",
            "Model '{0}' (table '{1}') has no primary key; mark its key property (or properties) [Key], or name it 'Id'",
            ModelCategory);

        public static readonly DiagnosticDescriptor IndexColumnNotFound = Error(
            "SG0203",
            "Index names a column that does not exist",
            "Index '{0}' on model '{1}' names '{2}', which is neither a mapped property nor a column of '{1}'; name a mapped property with nameof(...)",
            ModelCategory);

        public static readonly DiagnosticDescriptor TableMappedTwice = Error(
            "SG0204",
            "Two models map to one table",
            "Models '{0}' and '{1}' both map to table '{2}'; give one of them another [Table] name, or merge them into one model",
            ModelCategory,
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor ForeignKeyUnresolved = Error(
            "SG0205",
            "Foreign key cannot be mapped",
            "Foreign key on '{0}.{1}' cannot be mapped: {2}",
            ModelCategory);

        public static readonly DiagnosticDescriptor IdentifierTooLong = Error(
            "SG0206",
            "Identifier longer than PostgreSQL allows",
            "The {0} name '{1}' is {2} bytes long, but PostgreSQL cuts names at 63 bytes, so the database would never match the model; shorten it",
            ModelCategory);

        public static readonly DiagnosticDescriptor IndexNameUsedTwice = Error(
            "SG0207",
            "Index name used twice",
            "Index name '{0}' is used on both '{1}' and '{2}', but index names are unique within a schema; rename one of them",
            ModelCategory,
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor TransactionControlInTransaction = Error(
            "SG0301",
            "Transaction control in a transactional migration",
            "'{0}' would end the transaction that '{1}' shares with its ledger row, so part of it could commit unrecorded (the runner refuses it); remove it, or make each part its own migration or set Transactional = false",
            SqlCategory);

        public static DiagnosticDescriptor? Find(string id)
        {
            switch (id)
            {
                case "SG0001": return DuplicateNumber;
                case "SG0002": return NumberGap;
                case "SG0003": return NumberBelowOne;
                case "SG0004": return NotAMigrationClass;
                case "SG0005": return InvalidName;
                case "SG0006": return InvalidDescription;
                case "SG0007": return InvalidSqlHeader;
                case "SG0008": return InvalidSqlFileName;
                default: return null;
            }
        }

        private static DiagnosticDescriptor Warning(string id, string title, string message, params string[] customTags)
            => Create(id, title, message, LockFileCategory, DiagnosticSeverity.Warning, customTags);

        private static DiagnosticDescriptor Error(string id, string title, string message, string category, params string[] customTags)
            => Create(id, title, message, category, DiagnosticSeverity.Error, customTags);

        private static DiagnosticDescriptor Create(
            string id, string title, string message, string category, DiagnosticSeverity severity, params string[] customTags)
            => new DiagnosticDescriptor(
                id,
                title,
                message,
                category,
                severity,
                isEnabledByDefault: true,
                helpLinkUri: HelpLinkBase + id.ToLowerInvariant(),
                customTags: customTags);
    }
}
