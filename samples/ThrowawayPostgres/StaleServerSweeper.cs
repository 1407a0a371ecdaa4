namespace SchemaGen.ThrowawayPostgres;

/// <summary>
/// Removes directories of earlier throwaway servers that are no longer running: a test host may be torn down
/// before its exit handler finishes deleting, and a killed process never gets that far.
/// </summary>
internal static class StaleServerSweeper
{
    public const string DirectoryPrefix = "schemagen-pg-";

    /// <summary>Shared memory, where a server's files cost no disk writes (cloning a database, creating thousands of tables).</summary>
    private const string SharedMemory = "/dev/shm";

    private static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(2);

    /// <summary>What shared memory must have free to hold a server of the tests' hundreds of databases (a container's is often 64 MB).</summary>
    private const long SharedMemoryRoom = 4L << 30;

    /// <summary>Where a new server's directory goes: shared memory when the machine has it with room to spare (Linux), else the temporary folder.</summary>
    public static string Parent => HasRoom(SharedMemory) ? SharedMemory : Path.GetTempPath();

    private static bool HasRoom(string path)
    {
        try
        {
            return Directory.Exists(path) && new DriveInfo(path).AvailableFreeSpace >= SharedMemoryRoom;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static void Sweep(Action<string> delete)
    {
        var candidates = new List<string>();
        foreach (var parent in new[] { SharedMemory, Path.GetTempPath() }.Where(Directory.Exists))
        {
            try
            {
                candidates.AddRange(Directory.GetDirectories(parent, DirectoryPrefix + "*"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing to sweep there.
            }
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
