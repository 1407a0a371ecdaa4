using Npgsql;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>How long a migration may run, and how long it may wait for a lock the application holds.</summary>
public class TimeoutTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Migrations_are_not_cut_off_by_the_data_sources_command_timeout(bool transactional)
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 1 }.ConnectionString);

        var report = await new MigrationRunner(db, [Sql(1, "slow", "SELECT pg_sleep(2.5)", transactional)]).RunAsync();

        Assert.Equal(["001_slow"], report.Applied.Select(a => a.Migration.Id));
    }

    [Fact]
    public async Task Work_deferred_to_commit_is_not_cut_off_by_the_data_sources_command_timeout()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 1 }.ConnectionString);
        var migration = Sql(1, "deferred_check", """
            CREATE FUNCTION slow_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(2.5); RETURN NULL; END $$;
            CREATE TABLE checked (id int);
            CREATE CONSTRAINT TRIGGER slow_check AFTER INSERT ON checked DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_check();
            INSERT INTO checked VALUES (1)
            """);

        var report = await new MigrationRunner(db, [migration]).RunAsync();

        Assert.Equal(["001_deferred_check"], report.Applied.Select(a => a.Migration.Id));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM checked"));
        Assert.Equal("applied", await db.ScalarAsync<string>("SELECT status FROM schema_migrations WHERE number = 1"));
    }

    [Fact]
    public async Task A_command_the_migration_makes_itself_that_times_out_names_the_data_sources_command_timeout()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 1 }.ConnectionString);
        var migration = Custom(1, "own_command", async (context, ct) =>
        {
            await using var command = new NpgsqlCommand("SELECT pg_sleep(3)", context.Connection, context.Transaction);
            await command.ExecuteNonQueryAsync(ct);
        });

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, [migration]).RunAsync());

        Assert.StartsWith(
            "Migration 001_own_command failed: a statement timed out after the data source's Command Timeout (1 s), which applies to commands " +
            "not made through the MigrationContext (ExecuteAsync, CreateCommand); raise it in the connection string, or use context.CreateCommand. ",
            error.Message);
    }

    [Theory]
    [InlineData(true, "It ran in a transaction, so nothing of it was applied")]
    [InlineData(false, "It is not transactional, so part of it may have been applied")]
    public async Task CommandTimeout_stops_a_long_statement_and_the_error_says_it_timed_out_and_which_option(bool transactional, string consequence)
    {
        await using var db = await TestDatabase.CreateAsync();
        var options = new MigrationRunnerOptions { CommandTimeout = TimeSpan.FromSeconds(1) };
        var migrations = new[] { Sql(1, "slow", "CREATE TABLE before_sleep (id int);\nSELECT pg_sleep(30)", transactional) };

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, migrations, options).RunAsync());

        Assert.StartsWith(
            "Migration 001_slow failed: a statement timed out after 1 s, the limit MigrationRunnerOptions.CommandTimeout sets; raise it or set it to null for none " +
            "in statement 2 of 2 (line 2): SELECT pg_sleep(30). ",
            error.Message);
        Assert.Contains(consequence, error.Message);
        var expectedStatus = transactional ? null : "failed";
        Assert.Equal(expectedStatus, await db.ScalarAsync<string>("SELECT status FROM schema_migrations WHERE number = 1"));
    }

    [Fact]
    public async Task Each_migration_runs_with_the_configured_lock_timeout()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seen = new List<string>();
        Func<MigrationContext, CancellationToken, Task> record = async (context, ct) =>
        {
            await using var command = context.CreateCommand("SHOW lock_timeout");
            seen.Add((string)(await command.ExecuteScalarAsync(ct))!);
        };

        await new MigrationRunner(db, [Custom(1, "default", record), Custom(2, "non_transactional", record, transactional: false)]).RunAsync();
        await new MigrationRunner(db, [Custom(1, "default", record), Custom(2, "non_transactional", record, transactional: false), Custom(3, "custom", record)],
            new MigrationRunnerOptions { TableLockTimeout = TimeSpan.FromMilliseconds(750) }).RunAsync();
        await new MigrationRunner(db, [Custom(1, "default", record), Custom(2, "non_transactional", record, transactional: false), Custom(3, "custom", record), Custom(4, "none", record)],
            new MigrationRunnerOptions { TableLockTimeout = null }).RunAsync();

        Assert.Equal(["5s", "5s", "750ms", "0"], seen);
    }

    [Fact]
    public async Task A_migration_blocked_by_a_table_lock_gives_up_is_retried_and_then_fails_with_the_option_named()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await db.ExecuteAsync("CREATE TABLE busy (id int)");
        await using var reader = await HoldTableAsync(connectionString, "busy");
        var logger = new CapturingLogger();
        var options = new MigrationRunnerOptions { TableLockTimeout = TimeSpan.FromMilliseconds(100), TableLockRetries = 2, TableLockRetryDelay = TimeSpan.FromMilliseconds(50), AllowNonEmptyDatabase = true };
        var migrations = new[] { Sql(1, "alter_busy", "ALTER TABLE busy ADD COLUMN note text") };

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, migrations, options, logger).RunAsync());

        Assert.Equal("55P03", error.SqlState);
        Assert.Contains("waited longer than MigrationRunnerOptions.TableLockTimeout (0.1 s) for a lock another session holds", error.Message);
        Assert.Contains("nothing of it was applied", error.Message);
        Assert.Equal(
            ["001_alter_busy waited longer than lock_timeout for a lock another session holds and was rolled back; retry 1 of 2 in 50ms",
             "001_alter_busy waited longer than lock_timeout for a lock another session holds and was rolled back; retry 2 of 2 in 100ms"],
            logger.Messages.Where(m => m.Contains("retry", StringComparison.Ordinal)));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_retry_after_the_application_lets_go_of_the_table_applies_the_migration()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await db.ExecuteAsync("CREATE TABLE busy (id int)");
        var reader = await HoldTableAsync(connectionString, "busy");
        var logger = new CapturingLogger();
        var options = new MigrationRunnerOptions { TableLockTimeout = TimeSpan.FromMilliseconds(100), TableLockRetries = 10, TableLockRetryDelay = TimeSpan.FromMilliseconds(100), AllowNonEmptyDatabase = true };
        var release = ReleaseAfterFirstRetryAsync(logger, reader);

        var report = await new MigrationRunner(db, [Sql(1, "alter_busy", "ALTER TABLE busy ADD COLUMN note text")], options, logger).RunAsync();
        await release;

        Assert.Single(report.Applied);
        Assert.Contains(logger.Messages, m => m.StartsWith("001_alter_busy waited longer than lock_timeout", StringComparison.Ordinal));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'busy' AND column_name = 'note'"));
    }

    private static async Task ReleaseAfterFirstRetryAsync(CapturingLogger logger, NpgsqlConnection reader)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (!logger.Messages.Any(m => m.Contains("retry 1 of", StringComparison.Ordinal)) && DateTime.UtcNow < giveUp)
            await Task.Delay(20);
        await reader.DisposeAsync();
    }

    /// <summary>An application transaction that has read the table and keeps its ACCESS SHARE lock until disposed.</summary>
    private static async Task<NpgsqlConnection> HoldTableAsync(string connectionString, string table)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"BEGIN; SELECT count(*) FROM {table}", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
