using System.Globalization;

namespace SchemaGen.Benchmarks;

/// <summary>
/// The CPU time a PostgreSQL server's processes have used, read from Linux's <c>/proc</c>: the postmaster and its live
/// children (backends, background workers) to the nanosecond from <c>schedstat</c>, and the children it has reaped from
/// the postmaster's <c>cutime</c> + <c>cstime</c> (clock ticks). Unlike wall time it does not move with the disk or with
/// what the client does, so the server's share of a run can be told apart from the client's.
/// </summary>
internal static class ServerCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, the same on every Linux architecture .NET runs on

    public static bool Available => OperatingSystem.IsLinux();

    public static TimeSpan Used(int postmaster)
    {
        if (!Available)
        {
            return TimeSpan.Zero;
        }

        var nanoseconds = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || (pid != postmaster && ParentOf(directory) != postmaster))
            {
                continue;
            }

            nanoseconds += ReadOrZero(() => long.Parse(File.ReadAllText(Path.Combine(directory, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture));
        }

        var reaped = StatFields($"/proc/{postmaster}") is { } fields
            ? long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)
            : 0;
        return TimeSpan.FromTicks(nanoseconds / 100) + TimeSpan.FromSeconds(reaped / TicksPerSecond);
    }

    private static int ParentOf(string directory) => StatFields(directory) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : 0;

    /// <summary>The fields of <c>stat</c> after the command name, so field 4 of proc(5) (ppid) is index 1; null when the process is gone.</summary>
    private static string[]? StatFields(string directory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long ReadOrZero(Func<long> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
