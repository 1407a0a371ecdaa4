using SchemaGen.Hosting;

namespace SchemaGen.Tests;

/// <summary>The verbs invoked as an app's Program.cs would, in this process, as the app 'app', with what they print kept.</summary>
internal static class InProcessVerbs
{
    public static async Task<(int? ExitCode, string Output, string Error)> RunAsync(string[] args, IReadOnlyList<MigrationDescriptor> migrations, string? connectionString = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = await MigrationCommands.TryRunAsync(args, migrations, new MigrationCommandSettings { Output = output, Error = error, ConnectionString = connectionString, AppName = "app" });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A run's exit code and output, for comparing both at once.</summary>
    public static (int? ExitCode, string Output) Short((int? ExitCode, string Output, string Error) run) => (run.ExitCode, run.Output);
}
