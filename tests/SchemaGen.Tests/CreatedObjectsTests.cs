using SchemaGen.Applying;
using SchemaGen.SqlParsing;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>What SchemaGen counts in the SQL a migration runs: tables, added columns, indexes; unknown where it cannot tell.</summary>
public class CreatedObjectsTests
{
    [Theory]
    [InlineData("CREATE TABLE users (id int, name text)", "1 0 0")]
    [InlineData("create unlogged table cache (k text)", "1 0 0")]
    [InlineData("CREATE TEMP TABLE scratch (id int)", "0 0 0")]
    [InlineData("CREATE TABLE copy AS SELECT * FROM users", "1 0 0")]
    [InlineData("CREATE UNIQUE INDEX CONCURRENTLY users_name ON users (name)", "0 0 1")]
    [InlineData("CREATE INDEX ON users (lower(name))", "0 0 1")]
    [InlineData("ALTER TABLE users ADD COLUMN email text, ADD age int, ADD CONSTRAINT age_positive CHECK (age > 0)", "0 2 0")]
    [InlineData("ALTER TABLE ONLY app.users * ADD COLUMN a int, ADD PRIMARY KEY (id), ADD UNIQUE (a), ADD FOREIGN KEY (a) REFERENCES t (id)", "0 1 0")]
    [InlineData("ALTER TABLE users ALTER COLUMN name SET DEFAULT (concat('add', ',', 'x'))", "0 0 0")]
    [InlineData("ALTER TABLE users DROP COLUMN legacy", "0 0 0")]
    [InlineData("INSERT INTO users VALUES (1, 'CREATE TABLE x')", "0 0 0")]
    [InlineData("CREATE VIEW v AS SELECT 1", "0 0 0")]
    [InlineData("CREATE TABLE IF NOT EXISTS users (id int)", "unknown")]
    [InlineData("CREATE INDEX IF NOT EXISTS users_id ON users (id)", "unknown")]
    [InlineData("ALTER TABLE users ADD COLUMN IF NOT EXISTS email text", "unknown")]
    [InlineData("ALTER TABLE IF EXISTS users ADD COLUMN email text", "unknown")]
    [InlineData("DO $$ BEGIN EXECUTE 'CREATE TABLE t (id int)'; END $$", "unknown")]
    [InlineData("CALL make_tables()", "unknown")]
    public void A_statement_counts_what_it_creates(string sql, string expected)
    {
        var stats = CreatedObjects.Of(SqlStatementSplitter.Split(sql).Single());

        Assert.Equal(expected, stats.IsKnown ? $"{stats.TablesCreated} {stats.ColumnsAdded} {stats.IndexesCreated}" : "unknown");
    }

    [Fact]
    public async Task A_run_reports_what_ExecuteAsync_created_what_a_migration_counted_itself_and_unknown_after_a_raw_command()
    {
        await using var db = await TestDatabase.CreateAsync();
        var logger = new CapturingLogger();
        MigrationDescriptor[] build =
        [
            Sql(1, "users", "CREATE TABLE users (id int); CREATE INDEX users_id ON users (id); ALTER TABLE users ADD COLUMN name text"),
            Custom(2, "counted", async (context, ct) =>
            {
                await context.ExecuteAsync("CREATE TABLE a (id int); CREATE TABLE b (id int)", ct);
                context.Count(tablesCreated: 1);
            }),
            Custom(3, "raw", async (context, ct) =>
            {
                await context.ExecuteAsync("CREATE TABLE c (id int)", ct);
                await using var command = context.CreateCommand("CREATE TABLE d (id int)");
                await command.ExecuteNonQueryAsync(ct);
            }),
        ];

        var report = await new MigrationRunner(db, build, logger: logger).RunAsync();

        Assert.Equal(
            ["1 1 1", "1 0 0", "unknown"],
            report.Applied.Select(a => a.Stats.IsKnown ? $"{a.Stats.TablesCreated} {a.Stats.ColumnsAdded} {a.Stats.IndexesCreated}" : "unknown"));
        Assert.False(report.Totals.IsKnown);
        Assert.Matches(@"^✓ 003_raw: Completed in \d+ms$", logger.Messages.Single(m => m.StartsWith("✓ 003_raw", StringComparison.Ordinal)));
        Assert.Contains(
            "Migration summary: 3 migration(s) applied, 2 table(s) created, 1 column(s) added, 1 index(es) created, besides what 1 migration(s) created through SQL SchemaGen cannot count",
            logger.Messages);
    }
}
