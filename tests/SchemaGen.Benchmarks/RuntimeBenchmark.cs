using Npgsql;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Benchmarks;

/// <summary>The runner against raw Npgsql on a throwaway server: the no-op start-up, and applying many migrations.</summary>
internal static class RuntimeBenchmark
{
    public static async Task RunAsync(int migrationCount)
    {
        await using var server = await PostgresServer.StartAsync();

        var migrations = BenchmarkMigration.Create(migrationCount);
        await using var upToDate = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("noop"));
        var selectOne = await Measure.MedianAsync(warmup: 50, runs: 500, () => SelectOneAsync(upToDate));
        var construct = Measure.Median(warmup: 20, runs: 200, () => new MigrationRunner(upToDate, migrations));
        var generated = BenchmarkMigration.Generated(migrationCount);
        var constructGenerated = Measure.Median(warmup: 20, runs: 200, () => new MigrationRunner(upToDate, generated));
        var noOpSizes = Measure.Smoke ? new[] { 10, 100, 1000 } : new[] { 100, 1000, 10_000 };
        var noOps = new List<(TimeSpan Floor, TimeSpan NoOp)>();
        foreach (var size in noOpSizes)
        {
            noOps.Add(await NoOpAsync(server, size));
        }

        var (raw, apply) = await ApplyAsync(server, generated);

        Console.WriteLine($"## Runtime, against a throwaway PostgreSQL on loopback (fsync off)");
        Console.WriteLine();
        Console.WriteLine("| what | median | ratio |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| bare open + `SELECT 1` (pooled data source) | {Measure.Ms(selectOne)} | 1.00× |");
        Console.WriteLine($"| constructing a `MigrationRunner` over {migrationCount} migrations in a plain array (validates, digests) | {Measure.Ms(construct)} | {Measure.Ratio(construct, selectOne)} |");
        Console.WriteLine($"| constructing it over the generated `MigrationList` (checked and digested at compile time) | {Measure.Ms(constructGenerated)} | {Measure.Ratio(constructGenerated, selectOne)} |");
        for (var i = 0; i < noOpSizes.Length; i++)
        {
            var (floor, noOp) = noOps[i];
            Console.WriteLine($"| no-op `RunAsync`, {noOpSizes[i]:N0} migrations all applied (vs. open + `SELECT 1` {Measure.Ms(floor)} taking turns with it) | {Measure.Ms(noOp)} | {Measure.Ratio(noOp, floor)} |");
        }

        Console.WriteLine($"| raw Npgsql: {migrationCount} statements, one transaction each (taking turns with the next row, a fresh database each) | {Measure.Ms(raw.Wall)} | 1.00× |");
        Console.WriteLine($"| `RunAsync` applying {migrationCount} migrations to an empty database | {Measure.Ms(apply.Wall)} | {Measure.Ratio(apply.Wall, raw.Wall)} |");
        Console.WriteLine();
        WriteApplyCosts(migrationCount, raw, apply);
    }

    /// <summary>Applying every migration to an empty database, against raw Npgsql running the same statements, taking turns.</summary>
    public static async Task ApplyOnlyAsync(int migrationCount)
    {
        await using var server = await PostgresServer.StartAsync();
        var (raw, apply) = await ApplyAsync(server, BenchmarkMigration.Generated(migrationCount));
        Console.WriteLine($"## Applying {migrationCount} migrations to an empty database, against raw Npgsql (taking turns, a fresh database each)");
        Console.WriteLine();
        WriteApplyCosts(migrationCount, raw, apply);
    }

    private static async Task<(RunCost Raw, RunCost Apply)> ApplyAsync(PostgresServer server, MigrationList migrations)
    {
        var costs = await FreshDatabases.MediansAsync(
            server, "apply", runs: 7, dataSource => BenchmarkMigration.ApplyRawAsync(dataSource, migrations.Count), dataSource => new MigrationRunner(dataSource, migrations).RunAsync());
        return (costs[0], costs[1]);
    }

    private static void WriteApplyCosts(int migrationCount, RunCost raw, RunCost apply)
    {
        Console.WriteLine("| per migration | raw Npgsql | `RunAsync` | difference | ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        WriteApplyCost("wall time", raw.Wall, apply.Wall);
        if (ServerCpu.Available)
        {
            WriteApplyCost("server CPU (all of PostgreSQL's processes)", raw.ServerCpu, apply.ServerCpu);
        }

        WriteApplyCost("client CPU (this process)", raw.ClientCpu, apply.ClientCpu);
        Console.WriteLine();

        void WriteApplyCost(string what, TimeSpan rawTime, TimeSpan applyTime)
            => Console.WriteLine($"| {what} | {PerMigration(rawTime)} | {PerMigration(applyTime)} | {PerMigration(applyTime - rawTime)} | {Measure.Ratio(applyTime, rawTime)} |");

        string PerMigration(TimeSpan time) => $"{time.TotalMilliseconds / migrationCount:F3} ms";
    }

    private static async Task SelectOneAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// A no-op run over <paramref name="count"/> migrations (recorded as a baseline, so that 10,000 take seconds to set up),
    /// taking turns with open + <c>SELECT 1</c> on the same data source.
    /// </summary>
    private static async Task<(TimeSpan Floor, TimeSpan NoOp)> NoOpAsync(PostgresServer server, int count)
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync($"noop_{count}"));
        var runner = new MigrationRunner(dataSource, BenchmarkMigration.Create(count), new MigrationRunnerOptions { BaselineNumber = count });
        await runner.RunAsync();
        var times = await Measure.MediansAsync(warmup: 100, runs: 2000, setup: () => Task.CompletedTask, () => SelectOneAsync(dataSource), () => runner.RunAsync());
        return (times[0], times[1]);
    }
}
