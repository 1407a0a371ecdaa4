using Npgsql;
using SchemaGen.ThrowawayPostgres;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>A long-lived data source whose pooled connections died with a server restart (failover, upgrade, crash).</summary>
public class ServerRestartTests
{
    [Fact]
    public async Task A_run_after_the_server_restarted_reconnects_instead_of_failing_on_a_dead_pooled_connection()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var db = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("restarted"));
        var logger = new CapturingLogger();
        var options = new MigrationRunnerOptions { ConnectRetryDelay = TimeSpan.FromMilliseconds(50) };
        await new MigrationRunner(db, Tables(1), options).RunAsync();

        await server.RestartAsync();
        var noOp = await new MigrationRunner(db, Tables(1), options, logger).RunAsync();
        await server.RestartAsync();
        var report = await new MigrationRunner(db, Tables(2), options, logger).RunAsync();
        await server.RestartAsync();
        var status = await new MigrationRunner(db, Tables(2), options, logger).GetStatusAsync();

        Assert.Empty(noOp.Applied);
        Assert.Equal(["002_table_2"], report.Applied.Select(a => a.Migration.Id));
        Assert.All(status, s => Assert.Equal(MigrationState.Applied, s.State));
        Assert.Equal(3, logger.Messages.Count(m => m.StartsWith("Could not reach the database (attempt 1 of 5)", StringComparison.Ordinal)));
    }
}
