namespace SchemaGen.ThrowawayPostgres;

/// <summary>
/// Removes directories of earlier throwaway servers that are no longer running: a test host may be torn down
/// before its exit handler finishes deleting, and a killed process never gets that far.
/// </summary>
internal static class StaleServerSweeper
{
    public const string DirectoryPrefix = "schemagen-pg-";

    private static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(2);

    public static void Sweep(Action<string> delete)
    {
        string[] candidates;
        try
        {
            candidates = Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*");
        }
        catch (IOException)
        {
            return;
        }

        foreach (var directory in candidates)
        {
            // A young directory may belong to a server another process is still setting up.
            if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(directory) > MinimumAge && !IsRunning(directory))
            {
                delete(directory);
            }
        }
    }

    private static bool IsRunning(string directory)
    {
        try
        {
            var pidFile = Path.Combine(directory, "data", "postmaster.pid");
            return File.Exists(pidFile)
                && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
                && Directory.Exists($"/proc/{pid}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
