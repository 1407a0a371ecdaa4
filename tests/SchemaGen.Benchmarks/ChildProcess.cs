using System.Diagnostics;

namespace SchemaGen.Benchmarks;

/// <summary>Runs a program to its end, reading both its outputs while it runs so neither pipe can fill and stall it.</summary>
internal static class ChildProcess
{
    /// <returns>What it printed on standard output, and its wall time from start to exit.</returns>
    /// <exception cref="InvalidOperationException">It exited with a non-zero code; the message holds everything it printed.</exception>
    public static async Task<(string Output, TimeSpan Elapsed)> RunAsync(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}{(workingDirectory is null ? "" : $" in {workingDirectory}")}:\n{await output}{await error}");
        }

        return (await output, elapsed);
    }
}
