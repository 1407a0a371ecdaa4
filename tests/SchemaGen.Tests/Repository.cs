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

    /// <summary>
    /// An assembly another project of the repository built beside this test assembly's (same configuration and
    /// framework), such as a sample the tests run: <c>BuildOutput("samples/AuditLog", "AuditLog.dll")</c>.
    /// </summary>
    public static string BuildOutput(string project, string assembly)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        return Path.Combine(Root(), project, "bin", testOutput.Parent!.Name, testOutput.Name, assembly);
    }
}
