namespace SchemaGen.Package.Tests;

/// <summary>A separate project that uses SchemaGen by PackageReference only, with its own NuGet folders.</summary>
internal sealed class ConsumerProject : IDisposable
{
    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string LockFile => Path.Combine(Directory, "migrations.lock.json");

    public static ConsumerProject Create(PackageFeed feed, string extraProperties = "")
    {
        var directory = Path.Combine(Path.GetTempPath(), "schemagen-consumer-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var sharedPackages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(directory, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="schemagen-local" value="{feed.Directory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="shared" value="{sharedPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SchemaGen" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            foreach (var migration in SchemaGen.Generated.MigrationRegistry.All)
            {
                Console.WriteLine($"{migration.Id} {migration.Checksum}");
            }

            Console.WriteLine("tables: " + string.Join(", ", SchemaGen.Generated.SchemaModelRegistry.Model.Tables.Select(t => t.Name)));
            """);
        File.WriteAllText(Path.Combine(directory, "Note.cs"), """
            using System.ComponentModel.DataAnnotations.Schema;

            namespace Consumer;

            [Table("notes")]
            [SchemaGen.Index(nameof(Title))]
            public sealed class Note
            {
                public int Id { get; set; }
                public required string Title { get; set; }
            }
            """);
        var project = new ConsumerProject(directory);
        project.WriteMigration("Users.cs", 1, "users", "CREATE TABLE users (id serial PRIMARY KEY)");
        project.WriteMigration("AuditLog.cs", 2, "audit_log", "CREATE TABLE audit_logs (id serial PRIMARY KEY)");
        return project;
    }

    public void WriteMigration(string file, int number, string name, string sql)
    {
        var className = string.Concat(name.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Migration" + number;
        File.WriteAllText(Path.Combine(Directory, file), $$"""
            using SchemaGen;

            namespace Consumer;

            [Migration({{number}}, "{{name}}")]
            public sealed class {{className}} : Migration
            {
                public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                    => context.ExecuteAsync("{{sql}}", cancellationToken);
            }
            """);
    }

    public Task<DotNet.Result> BuildAsync(params string[] arguments) => DotNet.RunAsync(Directory, ["build", "-nologo", .. arguments]);

    public Task<DotNet.Result> RunAsync() => DotNet.RunAsync(Directory, "run", "--no-build");

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
