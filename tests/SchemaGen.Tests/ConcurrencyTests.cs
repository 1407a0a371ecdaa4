using System.Diagnostics;
using Npgsql;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>Many processes starting at once, the advisory lock, and the lock-free fast path.</summary>
public class ConcurrencyTests
{
    [Theory]
    [InlineData(MigrationLockMode.Session)]
    [InlineData(MigrationLockMode.Transaction)]
    public async Task Sixteen_runners_started_at_once_apply_each_of_fifty_migrations_exactly_once(MigrationLockMode lockMode)
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await db.ExecuteAsync(RunnerRace.ApplicationsTable);

        var reports = await RunnerRace.RunAtOnceAsync(
            connectionString, runners: 16, RunnerRace.FiftyMigrations(), new MigrationRunnerOptions { LockMode = lockMode, AllowNonEmptyDatabase = true });

        Assert.Equal(50, reports.Sum(r => r.Applied.Count));
        Assert.Equal(50L, await db.ScalarAsync<long>("SELECT count(*) FROM applications"));
        Assert.Equal(50L, await db.ScalarAsync<long>("SELECT count(DISTINCT number) FROM applications"));
        Assert.Equal(50L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE status = 'applied'"));
        Assert.Equal(1, reports.Count(r => r.LedgerCreated));
    }

    [Fact]
    public async Task When_nothing_is_pending_the_run_takes_no_lock()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await new MigrationRunner(db, Tables(3)).RunAsync();
        await using var holder = await HoldLockAsync(connectionString);

        var clock = Stopwatch.StartNew();
        var report = await new MigrationRunner(db, Tables(3), new MigrationRunnerOptions { LockTimeout = TimeSpan.FromSeconds(30) }).RunAsync();

        Assert.Empty(report.Applied);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), "the no-op run waited for the lock");
    }

    [Fact]
    public async Task Waiting_longer_than_the_lock_timeout_is_a_clear_error()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await new MigrationRunner(db, Tables(1)).RunAsync();
        await using var holder = await HoldLockAsync(connectionString);
        var logger = new CapturingLogger();

        var error = await Assert.ThrowsAsync<MigrationLockTimeoutException>(() =>
            new MigrationRunner(db, Tables(2), new MigrationRunnerOptions { LockTimeout = TimeSpan.FromMilliseconds(300) }, logger).RunAsync());

        Assert.StartsWith("Another process has held the migration lock", error.Message);
        Assert.Contains("raise MigrationRunnerOptions.LockTimeout", error.Message);
        Assert.Contains("Waiting for the migration lock held by another process", logger.Messages);
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('t2')::text"));
    }

    [Fact]
    public async Task A_runner_waiting_for_the_lock_proceeds_once_it_is_released()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        var holder = await HoldLockAsync(connectionString);
        var run = new MigrationRunner(db, Tables(2), new MigrationRunnerOptions { LockTimeout = TimeSpan.FromSeconds(20) }).RunAsync();
        await Task.Delay(200);
        Assert.False(run.IsCompleted);

        await holder.DisposeAsync();
        var report = await run;

        Assert.Equal(2, report.Applied.Count);
    }

    [Fact]
    public async Task A_migration_another_process_is_running_now_is_waited_for_not_reported_as_interrupted()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        var migrations = new[]
        {
            Sql(1, "users", "CREATE TABLE users (id int)"),
            Sql(2, "users_index", "CREATE INDEX CONCURRENTLY idx_users ON users (id)", transactional: false),
            Sql(3, "later", "CREATE TABLE later (id int)"),
        };
        await new MigrationRunner(db, migrations[..1]).RunAsync();
        var holder = await HoldLockAsync(connectionString);
        await db.ExecuteAsync($"INSERT INTO schema_migrations (migration_name, number, checksum, transactional, status) VALUES ('002_users_index', 2, '{migrations[1].Checksum}', false, 'running')");

        var run = new MigrationRunner(db, migrations, new MigrationRunnerOptions { LockTimeout = TimeSpan.FromSeconds(20) }).RunAsync();
        await Task.Delay(300);
        Assert.False(run.IsCompleted);
        await db.ExecuteAsync("CREATE INDEX idx_users ON users (id); UPDATE schema_migrations SET status = 'applied' WHERE number = 2");
        await holder.DisposeAsync();
        var report = await run;

        Assert.Equal(["003_later"], report.Applied.Select(a => a.Migration.Id));
    }

    [Fact]
    public async Task A_waiting_runner_returns_without_the_lock_once_another_process_has_applied_everything()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await new MigrationRunner(db, Tables(1)).RunAsync();
        await using var holder = await HoldLockAsync(connectionString);

        var run = new MigrationRunner(db, Tables(2), new MigrationRunnerOptions { LockTimeout = TimeSpan.FromSeconds(20) }).RunAsync();
        await Task.Delay(300);
        Assert.False(run.IsCompleted);
        // The lock's holder applies migration 2, as another instance of this build would.
        await db.ExecuteAsync($"CREATE TABLE t2 (id int); INSERT INTO schema_migrations (migration_name, number, checksum) VALUES ('002_table_2', 2, '{Tables(2)[1].Checksum}')");
        var report = await run;

        Assert.Empty(report.Applied);
        Assert.Equal(2, report.AlreadyApplied);
    }

    /// <summary>
    /// Takes the same advisory lock a runner would, on an unpooled connection of its own as another process would:
    /// a pooled connection keeps a session lock after it goes back to the pool.
    /// </summary>
    private static async Task<NpgsqlConnection> HoldLockAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey("public", "schema_migrations") });
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>The documented key: the first 8 bytes, big-endian, of SHA-256 over "schemagen:{schema}.{table}".</summary>
    private static long LockKey(string schema, string table)
        => System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"schemagen:{schema}.{table}")));
}
