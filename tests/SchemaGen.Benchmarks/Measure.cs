using System.Diagnostics;

namespace SchemaGen.Benchmarks;

/// <summary>Runs an action repeatedly after warm-up and reports the median.</summary>
internal static class Measure
{
    /// <summary>A smoke run: one warm-up and three runs of everything, to prove the benchmarks still run.</summary>
    public static bool Smoke { get; set; }

    public static TimeSpan Median(int warmup, int runs, Action action)
        => MedianAsync(warmup, runs, () => { action(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    /// <summary>
    /// The median of each action, run in order after <paramref name="setup"/>, which is not timed. Later actions see what
    /// earlier ones left behind (a paired measurement).
    /// </summary>
    public static TimeSpan[] Medians(int warmup, int runs, Action setup, Action[] actions)
        => MediansAsync(
            warmup,
            runs,
            () => { setup(); return Task.CompletedTask; },
            actions.Select(action => (Func<Task>)(() => { action(); return Task.CompletedTask; })).ToArray()).GetAwaiter().GetResult();

    /// <summary>
    /// The median of each action, the actions taking turns run by run after <paramref name="setup"/> (not timed), so drift in
    /// the machine's speed hits all alike.
    /// </summary>
    public static async Task<TimeSpan[]> MediansAsync(int warmup, int runs, Func<Task> setup, params Func<Task>[] actions)
    {
        var times = actions.Select(_ => new List<double>()).ToArray();
        await MedianAsync(warmup, runs, async () =>
        {
            await setup();
            for (var i = 0; i < actions.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await actions[i]();
                times[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        });
        var counted = Smoke ? Math.Min(runs, 3) : runs;
        return times.Select(list => TimeSpan.FromMilliseconds(list.Skip(list.Count - counted).Order().ElementAt(counted / 2))).ToArray();
    }

    public static async Task<TimeSpan> MedianAsync(int warmup, int runs, Func<Task> action)
    {
        (warmup, runs) = Smoke ? (Math.Min(warmup, 1), Math.Min(runs, 3)) : (warmup, runs);
        for (var i = 0; i < warmup; i++)
        {
            await action();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return TimeSpan.FromMilliseconds(times[runs / 2]);
    }

    public static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F2} ms";

    public static string Ratio(TimeSpan time, TimeSpan baseline) => $"{time.TotalMilliseconds / baseline.TotalMilliseconds:F2}×";
}
