using System.Diagnostics;

namespace SchemaGen.ThrowawayPostgres;

/// <summary>Runs the server's tools, as the <c>postgres</c> user when this process is root (PostgreSQL refuses to run as root).</summary>
internal sealed class CommandRunner(string binDirectory)
{
    public static bool IsRoot => Environment.UserName == "root";

    public const string ServiceUser = "postgres";

    public async Task RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(binDirectory, tool);
        var start = new ProcessStartInfo
        {
            FileName = IsRoot ? "runuser" : path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot)
        {
            foreach (var prefix in new[] { "-u", ServiceUser, "--", path })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with code {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }

    /// <summary>Hands a directory this process made to the service user, when running as root.</summary>
    public static async Task GiveToServiceUserAsync(string path, CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return;
        }

        using var process = Process.Start(new ProcessStartInfo("chown", ["-R", $"{ServiceUser}:", path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start chown.");
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown of {path} to the '{ServiceUser}' user failed; as root, a '{ServiceUser}' user must exist (Debian's postgresql package makes it).");
        }
    }
}
