using System.Text.Json;

namespace SchemaGen.Hosting.Authoring;

/// <summary>The migrations a project's lock file records as released (number and name), read with no build.</summary>
internal static class ReleasedMigrations
{
    public static Dictionary<int, string> Read(MigrationProject project)
    {
        if (!File.Exists(project.LockFile))
        {
            throw new AuthoringException(
                $"renumber needs {project.Relative(project.LockFile)}, the record of released migrations, to know which ones it may move; there is none. " +
                "Record the migrations of your last release with 'dotnet build -t:SchemaGenRecordMigrations' (on the released code), then renumber.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(project.LockFile));
            var released = new Dictionary<int, string>();
            foreach (var entry in document.RootElement.GetProperty("migrations").EnumerateArray())
            {
                released[entry.GetProperty("number").GetInt32()] = entry.GetProperty("name").GetString() ?? "";
            }

            return released;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new AuthoringException($"{project.Relative(project.LockFile)} cannot be read ({e.Message}); restore it from version control, or record it again.");
        }
    }
}
