using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>A transactional migration commits with its ledger row or not at all; SQL that ends its transaction is refused or reported as it is.</summary>
public class TransactionControlTests
{
    [Theory]
    [InlineData("COMMIT")]
    [InlineData("commit and chain")]
    [InlineData("END")]
    [InlineData("ROLLBACK")]
    [InlineData("BEGIN")]
    public async Task ExecuteAsync_refuses_transaction_control_before_running_anything(string control)
    {
        await using var db = await TestDatabase.CreateAsync();
        var migration = Sql(1, "half", $"CREATE TABLE first_half (id int);\n{control};\nCREATE TABLE second_half (id int)");

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, [migration]).RunAsync());

        Assert.StartsWith($"Migration 001_half failed: statement 2 of 3 (line 2): {control} would end the transaction the migration shares with its ledger row", error.Message);
        Assert.Contains("nothing of it was applied", error.Message);
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('first_half')::text"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Savepoints_stay_inside_the_transaction_and_are_allowed()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migration = Sql(1, "savepoints", "SAVEPOINT before; CREATE TABLE dropped (id int); ROLLBACK TO SAVEPOINT before; CREATE TABLE kept (id int)");

        await new MigrationRunner(db, [migration]).RunAsync();

        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('dropped')::text"));
        Assert.NotNull(await db.ScalarAsync<string>("SELECT to_regclass('kept')::text"));
    }

    [Fact]
    public async Task A_commit_through_a_raw_command_is_reported_as_a_partial_apply_and_recorded_failed()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migration = Custom(1, "raw_commit", async (context, ct) =>
        {
            await using var first = context.CreateCommand("CREATE TABLE committed_early (id int); COMMIT");
            await first.ExecuteNonQueryAsync(ct);
            await using var second = context.CreateCommand("CREATE TABLE never (id int)");
            await second.ExecuteNonQueryAsync(ct);
        });

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, [migration]).RunAsync());

        Assert.Contains("It ended the transaction it shares with its ledger row, so it was not applied atomically", error.Message);
        Assert.DoesNotContain("nothing of it was applied", error.Message);
        Assert.NotNull(await db.ScalarAsync<string>("SELECT to_regclass('committed_early')::text"));
        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT status FROM schema_migrations WHERE number = 1"));
        var blocked = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, [migration]).RunAsync());
        Assert.Equal("001_raw_commit", blocked.MigrationId);
    }

    [Fact]
    public async Task A_commit_and_chain_that_lets_the_migration_finish_is_caught_before_the_ledger_row_commits()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migration = Custom(1, "chained", async (context, ct) =>
        {
            await using var first = context.CreateCommand("CREATE TABLE committed_early (id int); COMMIT AND CHAIN");
            await first.ExecuteNonQueryAsync(ct);
            await using var second = context.CreateCommand("CREATE TABLE rolled_back (id int)");
            await second.ExecuteNonQueryAsync(ct);
        });

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, [migration]).RunAsync());

        Assert.StartsWith("Migration 001_chained failed: its SQL ended the transaction it runs in", error.Message);
        Assert.Contains("so it was not applied atomically", error.Message);
        Assert.NotNull(await db.ScalarAsync<string>("SELECT to_regclass('committed_early')::text"));
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('rolled_back')::text"));
        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT status FROM schema_migrations WHERE number = 1"));
    }
}
