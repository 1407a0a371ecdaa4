using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>
/// A transactional migration's prelude (session defaults, lock_timeout, the transaction's id) rides in front of its first
/// <c>ExecuteAsync</c> batch; these check that saving that round trip changes nothing a migration can see.
/// </summary>
public class TransactionPreludeTests
{
    [Fact]
    public async Task A_migrations_first_batch_runs_with_the_session_defaults_and_the_configured_lock_timeout()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = new[]
        {
            Sql(1, "leaves_settings", "SET statement_timeout = '42s'; SET lock_timeout = '9s'; CREATE TABLE first (id int)"),
            Sql(2, "reads_settings", "CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lock_timeout, current_setting('statement_timeout') AS statement_timeout"),
        };

        await new MigrationRunner(db, migrations, new MigrationRunnerOptions { TableLockTimeout = TimeSpan.FromMilliseconds(750) }).RunAsync();

        Assert.Equal("750ms", await db.ScalarAsync<string>("SELECT lock_timeout FROM seen"));
        Assert.Equal("0", await db.ScalarAsync<string>("SELECT statement_timeout FROM seen"));
    }

    [Fact]
    public async Task ExecuteAsync_returns_the_rows_its_own_statements_affected()
    {
        await using var db = await TestDatabase.CreateAsync();
        var affected = new List<int>();
        var migration = Custom(1, "counts", async (context, ct) =>
        {
            affected.Add(await context.ExecuteAsync("CREATE TABLE items (id int); INSERT INTO items VALUES (1), (2), (3)", ct));
            affected.Add(await context.ExecuteAsync("UPDATE items SET id = id + 10 WHERE id > 1", ct));
            affected.Add(await context.ExecuteAsync("CREATE INDEX ON items (id)", ct));
        });

        await new MigrationRunner(db, [migration]).RunAsync();

        Assert.Equal([3, 2, -1], affected);
    }

    [Fact]
    public async Task A_commit_after_the_first_batch_is_caught_before_the_ledger_row_commits()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migration = Custom(1, "chained_later", async (context, ct) =>
        {
            await context.ExecuteAsync("CREATE TABLE committed_early (id int)", ct);
            await using var chain = context.CreateCommand("COMMIT AND CHAIN");
            await chain.ExecuteNonQueryAsync(ct);
            await context.ExecuteAsync("CREATE TABLE rolled_back (id int)", ct);
        });

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, [migration]).RunAsync());

        Assert.StartsWith("Migration 001_chained_later failed: its SQL ended the transaction it runs in", error.Message);
        Assert.NotNull(await db.ScalarAsync<string>("SELECT to_regclass('committed_early')::text"));
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('rolled_back')::text"));
        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT status FROM schema_migrations WHERE number = 1"));
    }

    [Fact]
    public async Task A_failure_in_the_first_batch_names_the_migrations_statement_not_the_prelude()
    {
        await using var db = await TestDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() =>
            new MigrationRunner(db, [Sql(1, "broken", "CREATE TABLE ok (id int);\nSELECT * FROM missing")]).RunAsync());

        Assert.Contains("(SQLSTATE 42P01) in statement 2 of 2 (line 2, column 15): SELECT * FROM missing.", error.Message);
        Assert.Equal("42P01", error.SqlState);
    }

    [Fact]
    public async Task A_migration_that_runs_nothing_is_recorded_applied()
    {
        await using var db = await TestDatabase.CreateAsync();

        var report = await new MigrationRunner(db, [Custom(1, "nothing", (_, _) => Task.CompletedTask), Sql(2, "after", "CREATE TABLE after (id int)")]).RunAsync();

        Assert.Equal(["001_nothing", "002_after"], report.Applied.Select(a => a.Migration.Id));
        Assert.Equal(["applied", "applied"], await db.ListAsync("SELECT status FROM schema_migrations ORDER BY number"));
    }
}
