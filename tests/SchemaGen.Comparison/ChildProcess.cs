using System.Diagnostics;

namespace SchemaGen.Comparison;

/// <summary>Runs a program to the end, failing loudly with its output when it fails.</summary>
internal static class ChildProcess
{
    public static async Task<(string Output, TimeSpan Elapsed)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = await output + await error;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{all}");
        }

        return (all, elapsed);
    }

    /// <summary>The <c>median_ms=</c> figure a contender printed.</summary>
    public static double MedianFrom(string output)
    {
        var line = output.Split('\n').Single(l => l.StartsWith("median_ms=", StringComparison.Ordinal));
        return double.Parse(line["median_ms=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
