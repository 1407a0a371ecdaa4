namespace SchemaGen.Tests;

/// <summary>The code fixes' fix-all as a team runs it over a project: <c>dotnet format analyzers</c>, a real process on a real project.</summary>
public class DotnetFormatTests
{
    [Fact]
    public async Task Dotnet_format_fixes_every_SG0303_in_a_project_and_each_migration_attribute_once()
    {
        using var project = TestProject.Create("System.Console.WriteLine();");
        project.Write("Indexes.cs", Migration(1, "indexes", "", "CREATE INDEX a ON users (a); CREATE INDEX b ON users (b);"));
        project.Write("MoreIndexes.cs", Migration(2, "more_indexes", ", Transactional = true", "CREATE INDEX c ON orders (c);"));

        var format = await project.DotnetAsync("format", "analyzers", "--diagnostics", "SG0303", "--severity", "info");

        Assert.True(format.ExitCode == 0, format.Output);
        Assert.Equal(
            Migration(1, "indexes", ", Transactional = false", "CREATE INDEX CONCURRENTLY a ON users (a); CREATE INDEX CONCURRENTLY b ON users (b);"),
            project.Read("Indexes.cs"));
        Assert.Equal(
            Migration(2, "more_indexes", ", Transactional = false", "CREATE INDEX CONCURRENTLY c ON orders (c);"),
            project.Read("MoreIndexes.cs"));
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
