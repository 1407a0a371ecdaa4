namespace SchemaGen.Corpus;

/// <summary>The prepared corpus: its generated registry, and the folder its .sql files came from.</summary>
public static class Corpus
{
    public static IReadOnlyList<MigrationDescriptor> Migrations => SchemaGen.Generated.MigrationRegistry.All;

    /// <summary>The Migrations folder beside this project, found from the build output by walking up to the repository.</summary>
    public static string SourceFolder
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "SchemaGen.Corpus", "Migrations");
                if (File.Exists(Path.Combine(directory.FullName, "SchemaGen.sln")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("The repository root (SchemaGen.sln) was not found above " + AppContext.BaseDirectory);
        }
    }
}
