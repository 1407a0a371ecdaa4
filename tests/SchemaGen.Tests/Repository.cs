namespace SchemaGen.Tests;

internal static class Repository
{
    /// <summary>The folder holding SchemaGen.sln, found upwards from this test assembly.</summary>
    public static string Root()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "SchemaGen.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("SchemaGen.sln not found above the test output.");
        }

        return root.FullName;
    }
}
