namespace SchemaGen.ThrowawayPostgres;

/// <summary>Finds PostgreSQL's server binaries: Debian's <c>/usr/lib/postgresql/N/bin</c> (newest first), else <c>initdb</c> on PATH.</summary>
internal static class PostgresInstallation
{
    private const string MissingAdvice =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or on PATH. " +
        "Install them (Debian: apt-get install postgresql, or run build/install-prerequisites.sh), or pass a connection string.";

    /// <summary>The directory of <c>initdb</c> and <c>pg_ctl</c>; as root on Debian, Debian's server package is installed first when missing.</summary>
    public static string FindBinDirectory()
    {
        DebianPackages.EnsureInstalled("postgresql", () => TryFindBinDirectory() is not null, MissingAdvice);
        return TryFindBinDirectory() ?? throw new InvalidOperationException(MissingAdvice);
    }

    private static string? TryFindBinDirectory()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (Dir: dir, Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
                .Where(x => x.Version >= 0 && File.Exists(Path.Combine(x.Dir, "bin", "initdb")))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return Path.Combine(newest.Dir, "bin");
            }
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "initdb")))
            {
                return dir;
            }
        }

        return null;
    }
}
