using System.Diagnostics;

namespace SchemaGen.Benchmarks;

/// <summary>Runs an action repeatedly after warm-up and reports the median.</summary>
internal static class Measure
{
    /// <summary>A smoke run: one warm-up and three runs of everything, to prove the benchmarks still run.</summary>
    public static bool Smoke { get; set; }

    public static TimeSpan Median(int warmup, int runs, Action action)
        => MedianAsync(warmup, runs, () => { action(); return Task.CompletedTask; }).GetAwaiter().GetResult();

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
