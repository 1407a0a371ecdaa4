using System.Diagnostics;
using Npgsql;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Benchmarks;

/// <summary>An action's medians over its runs: wall time, and the CPU time the server and this process used meanwhile.</summary>
internal readonly record struct RunCost(TimeSpan Wall, TimeSpan ServerCpu, TimeSpan ClientCpu);

/// <summary>
/// Times actions that each need an empty database: a new one per action and run, the actions taking turns (in alternating
/// order) so that drift in the machine's speed hits all alike; the first round is a warm-up.
/// </summary>
internal static class FreshDatabases
{
    private static int _created;

    public static async Task<RunCost[]> MediansAsync(PostgresServer server, string name, int runs, params Func<NpgsqlDataSource, Task>[] actions)
    {
        runs = Measure.Smoke ? 1 : runs;
        var postmaster = server.ProcessId;
        var costs = actions.Select(_ => new List<RunCost>()).ToArray();
        for (var round = 0; round < runs + 1; round++)
        {
            for (var turn = 0; turn < actions.Length; turn++)
            {
                var i = round % 2 == 0 ? turn : actions.Length - 1 - turn;
                await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync($"{name}_{Interlocked.Increment(ref _created)}"));
                var (serverBefore, clientBefore) = (ServerCpu.Used(postmaster), Process.GetCurrentProcess().TotalProcessorTime);
                var started = Stopwatch.GetTimestamp();
                await actions[i](dataSource);
                var wall = Stopwatch.GetElapsedTime(started);
                var (serverAfter, clientAfter) = (ServerCpu.Used(postmaster), Process.GetCurrentProcess().TotalProcessorTime);
                if (round > 0)
                {
                    costs[i].Add(new RunCost(wall, serverAfter - serverBefore, clientAfter - clientBefore));
                }
            }
        }

        return costs.Select(list => new RunCost(
            Median(list.Select(cost => cost.Wall)), Median(list.Select(cost => cost.ServerCpu)), Median(list.Select(cost => cost.ClientCpu)))).ToArray();
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
