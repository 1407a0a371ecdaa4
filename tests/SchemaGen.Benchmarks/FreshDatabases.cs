using System.Diagnostics;
using Npgsql;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Benchmarks;

/// <summary>Times an action that needs an empty database: a new one per run, the first run a warm-up.</summary>
internal static class FreshDatabases
{
    private static int _created;

    public static async Task<TimeSpan> MedianAsync(PostgresServer server, string name, int runs, Func<NpgsqlDataSource, Task> action)
    {
        runs = Measure.Smoke ? 1 : runs;
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs + 1; i++)
        {
            await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync($"{name}_{Interlocked.Increment(ref _created)}"));
            var started = Stopwatch.GetTimestamp();
            await action(dataSource);
            if (i > 0)
            {
                times.Add(Stopwatch.GetElapsedTime(started));
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
