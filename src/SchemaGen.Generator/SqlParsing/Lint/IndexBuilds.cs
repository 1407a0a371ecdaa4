namespace SchemaGen.SqlParsing.Lint
{
    /// <summary>
    /// SG0303: <c>CREATE INDEX</c> without <c>CONCURRENTLY</c> on a table that already exists in production (it blocks writes while
    /// it builds): not one this migration created or emptied, nor one a migration not yet released created.
    /// </summary>
    internal static class IndexBuilds
    {
        public static LintFinding? Check(TokenRange statement, LintScope scope)
        {
            var i = statement.Is(1, "UNIQUE") ? 2 : 1;
            if (!statement.Is(i, "INDEX") || statement.Is(i + 1, "CONCURRENTLY"))
            {
                return null;
            }

            var on = statement.Find("ON", i);
            if (on < 0 || on + 1 >= statement.Count)
            {
                return null;
            }

            var tableAt = statement.Is(on + 1, "ONLY") ? on + 2 : on + 1;
            if (tableAt >= statement.Count)
            {
                return null;
            }

            var table = statement.QualifiedName(tableAt, out var length);
            return scope.IsEmpty(table) || scope.IsUnreleased(scope.Names.Name(statement, tableAt, out _))
                ? null
                : MigrationSqlLinter.On(statement, 0, tableAt + length - 1, LintRules.IndexWithoutConcurrently, table);
        }
    }
}
