using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaGen.Hosting;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>AddSchemaGen in a real generic host, against a real database: the start-up modes and the readiness check.</summary>
public class HostingTests
{
    [Fact]
    public async Task Apply_migrates_before_the_host_has_started_and_readiness_is_healthy_after()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var host = Host(db, Tables(2), MigrationStartupMode.Apply);

        await host.StartAsync();

        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(HealthStatus.Healthy, (await ReadinessAsync(host)).Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task Skip_starts_on_a_pending_database_and_readiness_says_what_is_pending_in_its_body()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Tables(1)).RunAsync();
        using var host = Host(db, Tables(3), MigrationStartupMode.Skip);

        await host.StartAsync();
        var report = await ReadinessAsync(host);
        using var body = new MemoryStream();
        await MigrationHealthResponse.WriteAsync(body, report);
        var json = JsonShapes.Validate("health", System.Text.Encoding.UTF8.GetString(body.ToArray()));

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal("Migrations: 2 pending (002_table_2, 003_table_3)", report.Entries["schemagen"].Description);
        Assert.Equal("Unhealthy", json.GetProperty("status").GetString());
        var check = Assert.Single(json.GetProperty("checks").EnumerateArray());
        Assert.Equal("schemagen", check.GetProperty("name").GetString());
        Assert.Equal("pending", check.GetProperty("data").GetProperty("state").GetString());
        Assert.Equal(["002_table_2", "003_table_3"], check.GetProperty("data").GetProperty("pending").EnumerateArray().Select(id => id.GetString()));
        await host.StopAsync();
    }

    [Fact]
    public async Task The_host_logs_a_run_as_a_few_structured_events_without_the_console_banner()
    {
        await using var db = await TestDatabase.CreateAsync();
        var logger = new CapturingLogger();
        using var host = Host(db, [Tables(1)[0], Custom(2, "users", (context, ct) => context.ExecuteAsync("CREATE TABLE users (id int); CREATE INDEX users_id ON users (id)", ct))],
            MigrationStartupMode.Apply, logger: logger);

        await host.StartAsync();

        var completed = logger.Messages.Where(message => message.Contains(": Completed in ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "Creating schema_migrations tracking table",
                "✓ schema_migrations table created",
                "Discovered 2 migration(s)",
                "▶ 001_table_1: Run table_1",
                "▶ 002_users: Run users",
                "Migration summary: 2 migration(s) applied, 2 table(s) created, 0 column(s) added, 1 index(es) created",
            ],
            logger.Messages.Except(completed));
        Assert.Matches(@"^✓ 001_table_1: Completed in \d+ms \(tables: 1, columns: 0, indexes: 0\)$", completed[0]);
        Assert.Matches(@"^✓ 002_users: Completed in \d+ms \(tables: 1, columns: 0, indexes: 1\)$", completed[1]);
        Assert.Contains("MigrationId=002_users", logger.AllText);
        await host.StopAsync();
    }

    [Fact]
    public async Task WaitUntilApplied_holds_the_start_until_another_process_has_migrated()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var host = Host(db, Tables(2), MigrationStartupMode.WaitUntilApplied);

        var starting = host.StartAsync();
        await Task.Delay(300);
        var startedEarly = starting.IsCompleted;
        var readinessWhileWaiting = await ReadinessAsync(host);
        await new MigrationRunner(db, Tables(2)).RunAsync();
        await starting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(startedEarly);
        Assert.Equal(HealthStatus.Unhealthy, readinessWhileWaiting.Status);
        Assert.Equal(HealthStatus.Healthy, (await ReadinessAsync(host)).Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task WaitUntilApplied_refuses_to_start_on_an_edited_migration()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Tables(2)).RunAsync();
        using var host = Host(db, [Tables(2)[0], Sql(2, "table_2", "CREATE TABLE t2 (id bigint)")], MigrationStartupMode.WaitUntilApplied);

        var error = await Assert.ThrowsAsync<MigrationException>(() => host.StartAsync());

        Assert.Contains("found drifted (002_table_2: applied, edited since (checksum differs))", error.Message);
    }

    [Fact]
    public async Task WaitUntilApplied_gives_up_after_its_timeout_and_says_what_it_waited_for()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var host = Host(db, Tables(1), MigrationStartupMode.WaitUntilApplied, wait: TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<MigrationException>(() => host.StartAsync());

        Assert.StartsWith("Waited 00:00:00.2000000 for migrations to be applied, and 1 pending (001_table_1) still", error.Message);
    }

    [Fact]
    public async Task Readiness_is_unhealthy_when_the_database_cannot_be_reached()
    {
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none;Timeout=2");
        using var host = Host(unreachable, Tables(1), MigrationStartupMode.Skip);
        await host.StartAsync();

        var report = await ReadinessAsync(host);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.StartsWith("Migrations: cannot tell: Could not connect to PostgreSQL at 127.0.0.1:1", report.Entries["schemagen"].Description);
        Assert.Equal("unknown", report.Entries["schemagen"].Data["state"]);
        await host.StopAsync();
    }

    private static IHost Host(NpgsqlDataSource db, IReadOnlyList<MigrationDescriptor> migrations, MigrationStartupMode mode, TimeSpan? wait = null, CapturingLogger? logger = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        if (logger is not null)
        {
            builder.Logging.ClearProviders().AddProvider(new OneLoggerProvider(logger)).AddFilter("SchemaGen", LogLevel.Information);
        }

        builder.Services.AddSingleton(db);
        builder.Services.AddSchemaGen(migrations, options =>
        {
            options.Mode = mode;
            options.WaitPollInterval = TimeSpan.FromMilliseconds(50);
            options.WaitTimeout = wait ?? TimeSpan.FromSeconds(30);
        });
        builder.Services.AddHealthChecks().AddSchemaGen();
        return builder.Build();
    }

    private sealed class OneLoggerProvider(ILogger logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => categoryName == "SchemaGen" ? logger : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }
    }

    private static Task<HealthReport> ReadinessAsync(IHost host)
        => host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains(SchemaGenServiceCollectionExtensions.ReadyTag));
}
