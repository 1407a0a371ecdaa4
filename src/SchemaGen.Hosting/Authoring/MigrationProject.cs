using System.Xml.Linq;

namespace SchemaGen.Hosting.Authoring;

/// <summary>
/// A project whose migrations <c>new</c> and <c>renumber</c> edit: its folder, and the properties SchemaGen's build reads from its
/// project file (the SQL migrations folder, the lock file) with the same defaults.
/// </summary>
internal sealed record MigrationProject(string Directory, string ProjectFile, string MigrationsFolder, string LockFile, string DefaultNamespace)
{
    /// <summary>The project at <paramref name="path"/> (a project file, or a folder holding exactly one); the current folder when null.</summary>
    public static MigrationProject Find(string? path)
    {
        var full = Path.GetFullPath(path ?? System.IO.Directory.GetCurrentDirectory());
        var projectFile = File.Exists(full) ? full : OnlyProjectIn(full);
        var directory = Path.GetDirectoryName(projectFile)!;
        var properties = ReadProperties(projectFile);
        var name = Path.GetFileNameWithoutExtension(projectFile);
        return new MigrationProject(
            directory,
            projectFile,
            Path.GetFullPath(Path.Combine(directory, properties.GetValueOrDefault("SchemaGenMigrationsFolder") ?? "Migrations")),
            Path.GetFullPath(Path.Combine(directory, properties.GetValueOrDefault("SchemaGenLockFile") ?? "migrations.lock.json")),
            (properties.GetValueOrDefault("RootNamespace") ?? properties.GetValueOrDefault("AssemblyName") ?? name).Replace('-', '_'));
    }

    /// <summary>A path relative to the project's folder, with '/' separators, for messages.</summary>
    public string Relative(string path) => Path.GetRelativePath(Directory, path).Replace('\\', '/');

    private static string OnlyProjectIn(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new AuthoringException($"{directory} is neither a project file nor a folder; pass --project with the app's .csproj or its folder.");
        }

        var projects = System.IO.Directory.GetFiles(directory, "*.csproj");
        return projects.Length switch
        {
            1 => projects[0],
            0 => throw new AuthoringException($"No project file (.csproj) in {directory}: run this in the app's project folder, or pass --project with its .csproj or folder."),
            _ => throw new AuthoringException($"{projects.Length} project files in {directory}: pass --project with the one whose migrations to edit."),
        };
    }

    /// <summary>The project file's own properties, the first value of each (conditions are not evaluated).</summary>
    private static Dictionary<string, string> ReadProperties(string projectFile)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(projectFile);
        }
        catch (System.Xml.XmlException e)
        {
            throw new AuthoringException($"{projectFile} cannot be read as a project file: {e.Message}");
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.Root?.Elements().Where(e => e.Name.LocalName == "PropertyGroup").SelectMany(group => group.Elements()) ?? [])
        {
            var value = property.Value.Trim();
            if (value.Length > 0 && !value.Contains("$(", StringComparison.Ordinal))
            {
                properties.TryAdd(property.Name.LocalName, value);
            }
        }

        return properties;
    }
}
