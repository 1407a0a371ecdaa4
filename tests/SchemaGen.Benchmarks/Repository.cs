namespace SchemaGen.Benchmarks;

/// <summary>The repository the benchmark runs from: the folder above the build output that holds SchemaGen.sln.</summary>
internal static class Repository
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SchemaGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SchemaGen.sln was not found above " + AppContext.BaseDirectory);
    }
}
