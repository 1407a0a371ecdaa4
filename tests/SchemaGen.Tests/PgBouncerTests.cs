using Npgsql;
using SchemaGen.ThrowawayPostgres;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>Runners behind a real PgBouncer in transaction pooling mode, where a session lock is not safe.</summary>
public class PgBouncerTests
{
    [Fact(Timeout = 180_000)]
    public async Task Sixteen_runners_through_pgbouncer_in_transaction_mode_apply_each_of_fifty_migrations_exactly_once()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var bouncer = await PgBouncerServer.StartAsync(server, poolSize: 4);
        await using var direct = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("pooled"));
        await direct.ExecuteAsync(RunnerRace.ApplicationsTable);
        var migrations = RunnerRace.FiftyMigrations();
        var options = new MigrationRunnerOptions { LockMode = MigrationLockMode.Transaction, LockTimeout = TimeSpan.FromSeconds(60), AllowNonEmptyDatabase = true };

        var reports = await RunnerRace.RunAtOnceAsync(bouncer.ConnectionString("pooled"), runners: 16, migrations, options);

        Assert.Equal(50, reports.Sum(r => r.Applied.Count));
        Assert.Equal(1, reports.Count(r => r.LedgerCreated));
        Assert.Equal(50L, await direct.ScalarAsync<long>("SELECT count(*) FROM applications"));
        Assert.Equal(50L, await direct.ScalarAsync<long>("SELECT count(DISTINCT number) FROM applications"));
        Assert.Equal(50L, await direct.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE status = 'applied'"));
        Assert.True(await direct.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_applications'::regclass"));
        Assert.Equal(0L, await direct.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
        var more = migrations.Append(Sql(51, "after", "CREATE TABLE t51 (id int)")).ToArray();
        var later = await new MigrationRunner(direct, more, new MigrationRunnerOptions { LockTimeout = TimeSpan.FromSeconds(2) }).RunAsync();
        Assert.Equal(["051_after"], later.Applied.Select(a => a.Migration.Id));
    }

    [Fact]
    public async Task In_transaction_mode_a_running_row_that_is_renewed_is_waited_for_and_one_that_is_not_is_interrupted()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = new[]
        {
            Sql(1, "users", "CREATE TABLE users (id int)"),
            Sql(2, "users_index", "CREATE INDEX CONCURRENTLY idx_users ON users (id)", transactional: false),
            Sql(3, "later", "CREATE TABLE later (id int)"),
        };
        var options = new MigrationRunnerOptions { LockMode = MigrationLockMode.Transaction, LockTimeout = TimeSpan.FromSeconds(20), RunningRowTimeout = TimeSpan.FromSeconds(2) };
        await new MigrationRunner(db, migrations[..1], options).RunAsync();
        await db.ExecuteAsync($"INSERT INTO schema_migrations (migration_name, number, checksum, transactional, status) VALUES ('002_users_index', 2, '{migrations[1].Checksum}', false, 'running')");

        var run = new MigrationRunner(db, migrations, options).RunAsync();
        await Task.Delay(500);
        Assert.False(run.IsCompleted);
        await db.ExecuteAsync("CREATE INDEX idx_users ON users (id); UPDATE schema_migrations SET status = 'applied' WHERE number = 2");
        var report = await run;
        Assert.Equal(["003_later"], report.Applied.Select(a => a.Migration.Id));

        var next = migrations.Append(Sql(4, "again", "CREATE INDEX CONCURRENTLY idx_later ON later (id)", transactional: false)).Append(Sql(5, "last", "SELECT 1")).ToArray();
        await db.ExecuteAsync($"INSERT INTO schema_migrations (migration_name, number, checksum, transactional, status, applied_at) VALUES ('004_again', 4, '{next[3].Checksum}', false, 'running', now() - interval '1 minute')");
        var interrupted = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, next, options).RunAsync());
        Assert.Contains("Migration 004_again did not complete in an earlier run (it was interrupted while running)", interrupted.Message);
    }

    [Fact]
    public async Task In_transaction_mode_a_long_non_transactional_migration_keeps_its_row_renewed()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        var options = new MigrationRunnerOptions { LockMode = MigrationLockMode.Transaction, RunningRowTimeout = TimeSpan.FromSeconds(1.5) };
        var renewed = new List<double>();
        var migration = Custom(1, "slow", async (context, ct) =>
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Delay(700, ct);
                renewed.Add((double)(await db.ScalarAsync<decimal>("SELECT extract(epoch FROM clock_timestamp() - applied_at) FROM schema_migrations WHERE number = 1"))!);
            }
        }, transactional: false);

        await new MigrationRunner(db, [migration], options).RunAsync();

        // Without renewals the row would be 2.1 s old at the last look, past RunningRowTimeout: other runners would take it as interrupted.
        Assert.All(renewed, age => Assert.True(age < 1.5, $"the running row went {age:0.00} s without renewal"));
    }
}
