using Microsoft.CodeAnalysis.Diagnostics;

namespace SchemaGen.Generator.Parse.SqlFiles
{
    /// <summary>Which additional files are SQL migrations: those build/SchemaGen.targets marks <c>SchemaGenSqlMigration="true"</c>.</summary>
    internal static class SqlMigrationFiles
    {
        public static bool IsMigration(AnalyzerConfigOptions options)
            => options.TryGetValue(WellKnownNames.SqlMigrationMetadata, out var flag) && string.Equals(flag, "true", System.StringComparison.OrdinalIgnoreCase);
    }
}
