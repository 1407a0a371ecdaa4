using System.Diagnostics;

namespace SchemaGen.ThrowawayPostgres;

/// <summary>
/// Installs a missing Debian package the tests or the sample need (PostgreSQL's server, PgBouncer), so the README's
/// commands work on a fresh machine by themselves. Only as root, as CI and a fresh container run; anyone else is told
/// what to install. Test processes that start together wait for each other on apt's own lock.
/// </summary>
internal static class DebianPackages
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static bool _updated;

    /// <summary>Installs <paramref name="package"/> unless <paramref name="isInstalled"/> already holds.</summary>
    public static void EnsureInstalled(string package, Func<bool> isInstalled, string missingAdvice)
    {
        if (isInstalled())
        {
            return;
        }

        if (!CommandRunner.IsRoot || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(missingAdvice);
        }

        OneAtATime.Wait();
        try
        {
            if (isInstalled())
            {
                return;
            }

            if (!_updated)
            {
                Run("update", "-qq");
                _updated = true;
            }

            Run("install", "-y", "-qq", "--no-install-recommends", package);
            if (!isInstalled())
            {
                throw new InvalidOperationException($"apt-get installed {package}, but it is still not where SchemaGen looks. {missingAdvice}");
            }
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static void Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("apt-get") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add("DPkg::Lock::Timeout=600");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start apt-get.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"apt-get {string.Join(' ', arguments)} exited with code {process.ExitCode}: {error.Result}{output.Result}");
        }
    }
}
