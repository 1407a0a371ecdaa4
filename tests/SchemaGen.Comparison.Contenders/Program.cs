using System.Diagnostics;
using Contenders;
using SchemaGen.Benchmarks;

// contender once  <tool> <count> <connection>   migrate that database once (whole-process timing is the caller's)
// contender noop  <tool> <count> <admin>        in-process no-op: apply once, warm up, then the median of repeated runs
// contender apply <tool> <count> <admin>        in-process apply to empty databases after a warm-up; the median
var (mode, tool, count, connection) = (args[0], args[1], int.Parse(args[2]), args[3]);
var contender = Contender.Create(tool, count);
switch (mode)
{
    case "once":
        await contender.MigrateAsync(connection);
        break;
    case "noop":
        var database = await Databases.CreateAsync(connection);
        await contender.MigrateAsync(database);
        var median = await Measure.MedianAsync(warmup: 10, runs: 50, () => contender.MigrateAsync(database));
        Console.WriteLine($"median_ms={median.TotalMilliseconds:F3}");
        break;
    case "apply":
        await contender.MigrateAsync(await Databases.CreateAsync(connection));
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var fresh = await Databases.CreateAsync(connection);
            var started = Stopwatch.GetTimestamp();
            await contender.MigrateAsync(fresh);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"median_ms={times[1]:F3}");
        break;
    default:
        throw new ArgumentException($"Unknown mode '{mode}'.");
}
