using Microsoft.CodeAnalysis;

namespace SchemaGen.Generator.Diagnostics
{
    /// <summary>Every diagnostic SchemaGen reports. Each ID has a page in docs/diagnostics/, which its help link opens.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string HelpLinkBase = "https://github.com/schemagen/schemagen/blob/main/docs/diagnostics/";
        private const string RegistryCategory = "SchemaGen.Registry";
        private const string UsageCategory = "SchemaGen.Usage";
        private const string LockFileCategory = "SchemaGen.LockFile";
        private const string ModelCategory = "SchemaGen.Model";
        private const string SqlCategory = "SchemaGen.Sql";
        private const string SchemaCategory = "SchemaGen.Schema";

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

        public static readonly DiagnosticDescriptor DownWithoutMigration = Error(
            "SG0009",
            "Down migration without its migration",
            "'{0}' is a down migration, but {1}",
            RegistryCategory);

        public static readonly DiagnosticDescriptor DraftToConfirm = Create(
            "SG0010",
            "A migration holds a draft a person must confirm",
            "'{0}' holds a draft to confirm: {1} Edit the commented SQL below it into what you mean (or delete it), then remove the '-- schemagen-draft:' line",
            UsageCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor InternalError = Error(
            "SG0999",
            "SchemaGen internal error",
            "SchemaGen failed while {0}: {1}; this is a bug in SchemaGen, please report it with this message (the migration registry may be incomplete until it is fixed)",
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

        public static readonly DiagnosticDescriptor ModelDiffersFromSchema = Create(
            "SG0208",
            "A [Table] model differs from the schema the migrations build",
            "Table '{0}': {1}; {2}",
            ModelCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor TransactionControlInTransaction = Error(
            "SG0301",
            "Transaction control in a transactional migration",
            "'{0}' would end the transaction that '{1}' shares with its ledger row, so part of it could commit unrecorded (the runner refuses it); remove it, or make each part its own migration or set Transactional = false",
            SqlCategory);

        public static readonly DiagnosticDescriptor NotInTransaction = Error(
            "SG0302",
            "Statement that cannot run in a transaction",
            "{0} cannot run inside a transaction, and '{1}' is transactional, so PostgreSQL will refuse it; set Transactional = false (in a .sql file: -- transactional: false)",
            SqlCategory);

        public static readonly DiagnosticDescriptor IndexWithoutConcurrently = Create(
            "SG0303",
            "Index built without CONCURRENTLY",
            "CREATE INDEX on '{0}' blocks writes to it until the index is built; use CREATE INDEX CONCURRENTLY in a non-transactional migration",
            SqlCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor NotNullWithoutDefault = Create(
            "SG0304",
            "NOT NULL column added without a default",
            "Adding NOT NULL column '{0}' without a default to '{1}' fails as soon as the table has rows; add it nullable, backfill, then SET NOT NULL (see SG0307), or give it a constant default",
            SqlCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor VolatileDefault = Create(
            "SG0305",
            "Column added with a volatile default",
            "Column '{0}' gets '{1}', which PostgreSQL computes row by row: adding it rewrites '{2}' under an exclusive lock; add the column without it, then backfill in batches",
            SqlCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ColumnTypeChange = Create(
            "SG0306",
            "Column type changed",
            "Changing the type of '{1}.{0}' rewrites the table and its indexes under an exclusive lock (except binary-compatible changes such as widening a varchar); add a new column, backfill it, and switch over",
            SqlCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor SetNotNull = Create(
            "SG0307",
            "SET NOT NULL on an existing column",
            "SET NOT NULL on '{1}.{0}' scans the whole table under an exclusive lock; first ADD CONSTRAINT … CHECK ({0} IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT, then SET NOT NULL (PostgreSQL 12+ skips the scan)",
            SqlCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ConstraintWithoutNotValid = Create(
            "SG0308",
            "Constraint added without NOT VALID",
            "Adding {0} constraint '{1}' to '{2}' checks every row while holding a lock that blocks writes; add it NOT VALID, then VALIDATE CONSTRAINT in a later statement",
            SqlCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UniqueWithoutIndex = Create(
            "SG0309",
            "UNIQUE or PRIMARY KEY added without an index built first",
            "Adding {0} to '{1}' builds its index while blocking writes; CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … {0} USING INDEX",
            SqlCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor BreakingChange = Create(
            "SG0310",
            "Drop or rename that breaks the running application",
            "'{0}' breaks the version of the application still running while the new one deploys; stop using it in the code first and drop or rename it in a later release",
            SqlCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor TimestampWithoutTimeZone = Create(
            "SG0311",
            "timestamp without time zone",
            "Column '{0}' is timestamp without time zone; prefer timestamptz, which stores an instant",
            SqlCategory, DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor VarcharLength = Create(
            "SG0312",
            "varchar with a length",
            "Column '{0}' is {1}; prefer text (with a CHECK on its length if one matters): text costs the same, and lowering a limit later rewrites the table",
            SqlCategory, DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor SerialColumn = Create(
            "SG0313",
            "serial column",
            "Column '{0}' is {1}; prefer an identity column (GENERATED BY DEFAULT AS IDENTITY), the SQL-standard form with fewer surprises over permissions and copies",
            SqlCategory, DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor IntegerKey = Create(
            "SG0314",
            "32-bit primary key",
            "Key column '{0}' is {1}; prefer bigint: an int key runs out at 2.1 billion, and widening it later rewrites the table and every referencing one",
            SqlCategory, DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor JsonColumn = Create(
            "SG0315",
            "json column",
            "Column '{0}' is json; prefer jsonb, which can be indexed and compared",
            SqlCategory, DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor DownDropsData = Create(
            "SG0316",
            "A down migration drops data",
            "Reverting runs '{0}', which deletes what it holds; applying the migration again does not bring it back. If that is meant, say so with /* schemagen-disable SG0316 */; else keep the data aside (rename it) before dropping it",
            SqlCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnfollowedStatements = Create(
            "SG0401",
            "The schema model cannot follow part of a migration",
            "The compiler's schema model cannot follow migration '{0}': {1}. What that may change is unknown to the SQL lint and to verify --schema; write the change as plain DDL where you can, or leave it (this is information, not a fault)",
            SchemaCategory, DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor StaleSchemaFile = Create(
            "SG0402",
            "The schema file is stale",
            "'{0}' does not show the schema the migrations now build ({1}); run 'dotnet build -t:SchemaGenWriteSchema' and commit the file with the migration",
            SchemaCategory, DiagnosticSeverity.Warning);

        /// <summary>The SQL safety rules, SG0301–SG0316, in order.</summary>
        public static readonly DiagnosticDescriptor[] SqlSafety =
        {
            TransactionControlInTransaction, NotInTransaction, IndexWithoutConcurrently, NotNullWithoutDefault, VolatileDefault,
            ColumnTypeChange, SetNotNull, ConstraintWithoutNotValid, UniqueWithoutIndex, BreakingChange,
            TimestampWithoutTimeZone, VarcharLength, SerialColumn, IntegerKey, JsonColumn, DownDropsData,
        };

        /// <summary>Every descriptor, by id: what reporting looks a carried diagnostic up in.</summary>
        private static readonly System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> ById = Index(
            DuplicateNumber, NumberGap, NumberBelowOne, NotAMigrationClass, InvalidName, InvalidDescription, InvalidSqlHeader, InvalidSqlFileName, DownWithoutMigration, DraftToConfirm, InternalError, RecordedMigrationEdited, RecordedMigrationGone, RecordedNumberRenamed, LockFileUnreadable, UnsupportedPropertyType, TableWithoutKey, IndexColumnNotFound, TableMappedTwice, ForeignKeyUnresolved, IdentifierTooLong, IndexNameUsedTwice, ModelDiffersFromSchema, TransactionControlInTransaction, NotInTransaction, IndexWithoutConcurrently, NotNullWithoutDefault, VolatileDefault, ColumnTypeChange, SetNotNull, ConstraintWithoutNotValid, UniqueWithoutIndex, BreakingChange, TimestampWithoutTimeZone, VarcharLength, SerialColumn, IntegerKey, JsonColumn, DownDropsData, UnfollowedStatements, StaleSchemaFile);

        /// <summary>The descriptor of <paramref name="id"/>, or null for an id no descriptor has (reported as SG0999).</summary>
        public static DiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;

        private static System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] all)
        {
            var byId = new System.Collections.Generic.Dictionary<string, DiagnosticDescriptor>();
            foreach (var descriptor in all)
            {
                byId.Add(descriptor.Id, descriptor);
            }

            return byId;
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
                helpLinkUri: HelpLinkBase + id + ".md",
                customTags: customTags);
    }
}
