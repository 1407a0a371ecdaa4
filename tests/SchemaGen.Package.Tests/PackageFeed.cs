namespace SchemaGen.Package.Tests;

/// <summary>Packs SchemaGen and its tool once per test run into a local folder feed, with a version no cache can already hold.</summary>
public sealed class PackageFeed : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "schemagen-feed-" + Guid.NewGuid().ToString("N")[..8]);

    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(directory.FullName, "SchemaGen.sln")))
            {
                directory = directory.Parent ?? throw new InvalidOperationException("SchemaGen.sln not found above the test output.");
            }

            return directory.FullName;
        }
    }

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var project in (string[])["src/SchemaGen/SchemaGen.csproj", "src/SchemaGen.Tool/SchemaGen.Tool.csproj"])
        {
            (await DotNet.RunAsync(RepositoryRoot, "pack", project, "-c", "Release", "-o", Directory, $"-p:Version={Version}")).Succeeded();
        }
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
