using System.Diagnostics;
using SchemaGen.Hosting;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Benchmarks;

/// <summary>Many tenants: the TenantMigrator's throughput in targets per second against a sequential loop of runners, each on fresh databases.</summary>
internal static class TenantBenchmark
{
    public static async Task RunAsync(int databaseCount, int migrationCount)
    {
        await using var server = await PostgresServer.StartAsync();
        var migrations = BenchmarkMigration.Create(migrationCount);
        var sequential = await TimeAsync(server, "sequential", databaseCount, async targets =>
        {
            foreach (var target in targets)
            {
                await using var dataSource = Npgsql.NpgsqlDataSource.Create(target.ConnectionString);
                await new MigrationRunner(dataSource, migrations).RunAsync();
            }
        });
        var rows = new List<(string What, TimeSpan Time)> { ("a sequential loop: one `MigrationRunner.RunAsync` per database", sequential) };
        foreach (var parallelism in new[] { 2, 4, 8 })
        {
            var migrator = new TenantMigrator(migrations, new TenantMigrationOptions { MaxParallelism = parallelism });
            rows.Add(($"`TenantMigrator`, {parallelism} at once", await TimeAsync(server, $"parallel{parallelism}", databaseCount, async targets =>
            {
                var report = await migrator.RunAsync(targets);
                if (!report.Succeeded)
                {
                    throw new InvalidOperationException(report.Summary);
                }
            })));
        }

        Console.WriteLine($"## Many databases: {databaseCount} databases × {migrationCount} migrations, empty to up to date");
        Console.WriteLine();
        Console.WriteLine("| what | time | targets/second | vs. sequential |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (what, time) in rows)
        {
            Console.WriteLine($"| {what} | {Measure.Ms(time)} | {databaseCount / time.TotalSeconds:F1} | {sequential.TotalMilliseconds / time.TotalMilliseconds:F2}× |");
        }

        Console.WriteLine();
    }

    /// <summary>Creates the databases (not timed), then times one pass over them.</summary>
    private static async Task<TimeSpan> TimeAsync(PostgresServer server, string name, int databaseCount, Func<MigrationTarget[], Task> migrate)
    {
        var targets = new MigrationTarget[databaseCount];
        for (var i = 0; i < databaseCount; i++)
        {
            targets[i] = new MigrationTarget($"{name}_{i}", await server.CreateDatabaseAsync($"tenant_{name}_{i}"));
        }

        var started = Stopwatch.GetTimestamp();
        await migrate(targets);
        return Stopwatch.GetElapsedTime(started);
    }
}
