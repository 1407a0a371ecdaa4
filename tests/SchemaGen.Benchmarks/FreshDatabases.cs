using System.Diagnostics;
using Npgsql;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Benchmarks;

/// <summary>
/// Times actions that each need an empty database: a new one per action and run, the actions taking turns (in alternating
/// order) so that drift in the machine's speed hits all alike; the first round is a warm-up.
/// </summary>
internal static class FreshDatabases
{
    private static int _created;

    public static async Task<TimeSpan[]> MediansAsync(PostgresServer server, string name, int runs, params Func<NpgsqlDataSource, Task>[] actions)
    {
        runs = Measure.Smoke ? 1 : runs;
        var times = actions.Select(_ => new List<TimeSpan>()).ToArray();
        for (var round = 0; round < runs + 1; round++)
        {
            for (var turn = 0; turn < actions.Length; turn++)
            {
                var i = round % 2 == 0 ? turn : actions.Length - 1 - turn;
                await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync($"{name}_{Interlocked.Increment(ref _created)}"));
                var started = Stopwatch.GetTimestamp();
                await actions[i](dataSource);
                if (round > 0)
                {
                    times[i].Add(Stopwatch.GetElapsedTime(started));
                }
            }
        }

        return times.Select(list => list.Order().ElementAt(list.Count / 2)).ToArray();
    }
}
