using System.Diagnostics;

namespace SchemaGen.Package.Tests;

/// <summary>Runs the dotnet CLI the way a user would, and keeps what it printed.</summary>
internal static class DotNet
{
    public sealed record Result(int ExitCode, string Output)
    {
        public Result Succeeded()
        {
            Assert.True(ExitCode == 0, $"dotnet exited with {ExitCode}:\n{Output}");
            return this;
        }

        public Result Failed()
        {
            Assert.True(ExitCode != 0, $"dotnet was expected to fail:\n{Output}");
            return this;
        }
    }

    public static Task<Result> RunAsync(string workingDirectory, params string[] arguments) => RunToolAsync("dotnet", workingDirectory, arguments);

    /// <summary>
    /// Runs <c>dotnet</c> or a program the SDK installed, such as a dotnet tool's command: its apphost finds the runtime through
    /// DOTNET_ROOT, set to the root of the runtime this test runs on.
    /// </summary>
    public static async Task<Result> RunToolAsync(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The consumer is a stranger to this repository: no build server, no inherited MSBuild state.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        if (!start.Environment.TryGetValue("DOTNET_ROOT", out var root) || string.IsNullOrEmpty(root))
        {
            start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output + await error);
    }
}
