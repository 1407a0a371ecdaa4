using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SchemaGen.Hosting.Authoring;

/// <summary>
/// <c>new --from-model</c>: builds the project with the <c>SchemaGenWriteModelMigration</c> target, which writes the migration
/// that brings the schema in line with the <c>[Table]</c> models (SG0208's fix). The compiler decides what it holds, so this
/// is the one authoring verb that builds.
/// </summary>
internal static partial class ModelMigration
{
    /// <returns>The file written, or null when the models already match the schema the migrations build.</returns>
    public static string? Write(MigrationProject project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", project.ProjectFile, "-t:SchemaGenWriteModelMigration", "-nologo", "-v:m", "-clp:NoSummary" })
        {
            start.ArgumentList.Add(argument);
        }

        using var build = Process.Start(start) ?? throw new AuthoringException("'dotnet build' could not be started; is the .NET SDK on PATH?");
        var error = build.StandardError.ReadToEndAsync();
        var output = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            var problems = string.Join(Environment.NewLine, output.Split('\n').Select(line => line.Trim()).Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct());
            throw new AuthoringException($"building {project.Relative(project.ProjectFile)} failed, so the models could not be compared:{Environment.NewLine}{problems}{error.Result}");
        }

        return Wrote().Match(output) is { Success: true } wrote ? wrote.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"SchemaGen: wrote (.+?), the migration that brings")]
    private static partial Regex Wrote();
}
