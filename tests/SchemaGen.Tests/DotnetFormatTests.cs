namespace SchemaGen.Tests;

/// <summary>The code fixes' fix-all as a team runs it over a project: <c>dotnet format analyzers</c>, a real process on a real project.</summary>
public class DotnetFormatTests
{
    [Fact]
    public async Task Dotnet_format_fixes_every_SG0303_in_a_project_and_each_migration_attribute_once()
    {
        var root = Repository.Root();
        var directory = Directory.CreateTempSubdirectory("schemagen-format-").FullName;
        try
        {
            var project = Path.Combine(directory, "Format.csproj");
            await File.WriteAllTextAsync(project, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{root}/build/SchemaGen.props" />
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{root}/src/SchemaGen/SchemaGen.csproj" />
                    <ProjectReference Include="{root}/src/SchemaGen.Generator/SchemaGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                    <ProjectReference Include="{root}/src/SchemaGen.CodeFixes/SchemaGen.CodeFixes.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                  </ItemGroup>
                  <Import Project="{root}/build/SchemaGen.targets" />
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(directory, "Indexes.cs"), Migration(1, "indexes", "", "CREATE INDEX a ON users (a); CREATE INDEX b ON users (b);"));
            await File.WriteAllTextAsync(Path.Combine(directory, "MoreIndexes.cs"), Migration(2, "more_indexes", ", Transactional = true", "CREATE INDEX c ON orders (c);"));

            var format = await ChildProcess.RunAsync("dotnet", "format", "analyzers", project, "--diagnostics", "SG0303", "--severity", "info");

            Assert.True(format.ExitCode == 0, format.Output);
            Assert.Equal(
                Migration(1, "indexes", ", Transactional = false", "CREATE INDEX CONCURRENTLY a ON users (a); CREATE INDEX CONCURRENTLY b ON users (b);"),
                await File.ReadAllTextAsync(Path.Combine(directory, "Indexes.cs")));
            Assert.Equal(
                Migration(2, "more_indexes", ", Transactional = false", "CREATE INDEX CONCURRENTLY c ON orders (c);"),
                await File.ReadAllTextAsync(Path.Combine(directory, "MoreIndexes.cs")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Migration(int number, string name, string options, string sql) => $$"""
        using SchemaGen;

        [Migration({{number}}, "{{name}}"{{options}})]
        public sealed class M{{number}} : Migration
        {
            public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                => context.ExecuteAsync("{{sql}}", cancellationToken);
        }

        """;
}
