using SchemaGen.SqlParsing;

namespace SchemaGen.Tests;

/// <summary>The splitter cuts only at top-level semicolons, whatever quoting or comment hides the others.</summary>
public class SqlStatementSplitterTests
{
    [Theory]
    [InlineData("SELECT 1; SELECT 2", new[] { "SELECT 1", "SELECT 2" })]
    [InlineData("SELECT ';' ; SELECT 'it''s;'", new[] { "SELECT ';'", "SELECT 'it''s;'" })]
    [InlineData("SELECT E'\\';' ; SELECT 2", new[] { "SELECT E'\\';'", "SELECT 2" })]
    [InlineData("SELECT \"a;b\"\"c\" FROM t; SELECT 2", new[] { "SELECT \"a;b\"\"c\" FROM t", "SELECT 2" })]
    [InlineData("DO $$ BEGIN PERFORM 1; END $$; SELECT 2", new[] { "DO $$ BEGIN PERFORM 1; END $$", "SELECT 2" })]
    [InlineData("DO $fn$ BEGIN RAISE NOTICE '$$;'; END $fn$; SELECT 2", new[] { "DO $fn$ BEGIN RAISE NOTICE '$$;'; END $fn$", "SELECT 2" })]
    [InlineData("SELECT 1 -- ; not a split\n; SELECT 2", new[] { "SELECT 1", "SELECT 2" })]
    [InlineData("SELECT /* a /* nested; */ still; */ 1; SELECT 2", new[] { "SELECT /* a /* nested; */ still; */ 1", "SELECT 2" })]
    [InlineData(";;  ; -- only a comment\n/* and another */", new string[0])]
    [InlineData("SELECT $1::int; SELECT a$b FROM t", new[] { "SELECT $1::int", "SELECT a$b FROM t" })]
    [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END; SELECT 3",
        new[] { "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END", "SELECT 3" })]
    [InlineData("SELECT 'unterminated; SELECT 2", new[] { "SELECT 'unterminated; SELECT 2" })]
    public void Splits_only_at_top_level_semicolons(string sql, string[] expected)
        => Assert.Equal(expected, SqlStatementSplitter.Split(sql).Select(s => s.Text));

    [Fact]
    public void Each_statement_knows_the_line_it_starts_on_and_its_first_line()
    {
        var statements = SqlStatementSplitter.Split("-- header\nCREATE TABLE a (\n  id int\n);\n\n/* note */ INSERT INTO a\nVALUES (1);");

        Assert.Equal([2, 6], statements.Select(s => s.Line));
        Assert.Equal(["CREATE TABLE a (", "INSERT INTO a"], statements.Select(s => s.FirstLine));
    }

    [Theory]
    [InlineData("COMMIT", true)]
    [InlineData("commit and chain", true)]
    [InlineData("END", true)]
    [InlineData("ROLLBACK", true)]
    [InlineData("ABORT", true)]
    [InlineData("BEGIN", true)]
    [InlineData("START TRANSACTION ISOLATION LEVEL SERIALIZABLE", true)]
    [InlineData("PREPARE TRANSACTION 'x'", true)]
    [InlineData("ROLLBACK TO SAVEPOINT before_insert", false)]
    [InlineData("SAVEPOINT before_insert", false)]
    [InlineData("SELECT 'COMMIT'", false)]
    [InlineData("DO $$ BEGIN COMMIT; END $$", false)]
    [InlineData("UPDATE t SET \"end\" = 1", false)]
    public void Recognises_statements_that_end_a_transaction(string sql, bool expected)
        => Assert.Equal(expected, TransactionControl.Is(SqlStatementSplitter.Split(sql).Single()));

    [Theory]
    [InlineData("CREATE INDEX CONCURRENTLY idx_a ON a (x)", "idx_a")]
    [InlineData("create unique index concurrently if not exists \"Idx A\" on a (x)", "\"Idx A\"")]
    [InlineData("CREATE INDEX CONCURRENTLY app.idx_a ON a (x)", "app.idx_a")]
    [InlineData("CREATE INDEX CONCURRENTLY ON a (x)", null)]
    [InlineData("CREATE INDEX idx_a ON a (x)", null)]
    public void Finds_the_name_of_an_index_built_concurrently(string sql, string? expected)
        => Assert.Equal(expected, ConcurrentIndexBuild.IndexName(SqlStatementSplitter.Split(sql).Single()));
}
