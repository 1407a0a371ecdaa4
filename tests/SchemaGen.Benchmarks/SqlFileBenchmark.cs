using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace SchemaGen.Benchmarks;

/// <summary>
/// SQL-file migrations against the same number of C# migrations: the generator's time (in memory, as the IDE runs it),
/// and a real <c>dotnet build</c> of a project of each kind, full and after one migration changed.
/// </summary>
internal static class SqlFileBenchmark
{
    public static async Task RunAsync(int migrationCount, string repositoryRoot)
    {
        var empty = GeneratorBenchmark.Compilation([CSharpSyntaxTree.ParseText("class Program { }")]);
        var files = Enumerable.Range(1, migrationCount).Select(n => (AdditionalText)InMemoryFile.Migration(n, Sql(n))).ToArray();
        GeneratorBenchmark.Check(GeneratorBenchmark.CreateDriver(files).RunGenerators(empty), migrationCount);
        var sqlFull = Measure.Median(warmup: 3, runs: 15, () => GeneratorBenchmark.CreateDriver(files).RunGenerators(empty));

        var classes = GeneratorBenchmark.Compilation(Enumerable.Range(1, migrationCount).Select(n =>
            CSharpSyntaxTree.ParseText(GeneratorBenchmark.Source(n, Sql(n)), new CSharpParseOptions(LanguageVersion.Latest), $"Migration{n}.cs")));
        GeneratorBenchmark.Check(GeneratorBenchmark.CreateDriver().RunGenerators(classes), migrationCount);
        var csFull = Measure.Median(warmup: 3, runs: 15, () => GeneratorBenchmark.CreateDriver().RunGenerators(classes));

        var driver = GeneratorBenchmark.CreateDriver(files).RunGenerators(empty);
        var edited = 0;
        var sqlEdit = Measure.Median(warmup: 3, runs: 15, () =>
        {
            var number = (edited++ % migrationCount) + 1;
            driver = driver.ReplaceAdditionalText(files[number - 1], InMemoryFile.Migration(number, Sql(number) + $" -- edit {edited}\nSELECT {edited};"))
                .RunGenerators(empty);
        });

        var sqlBuild = await BuildProject.MeasureAsync(repositoryRoot, "sql", migrationCount, (directory, n) =>
            File.WriteAllText(Path.Combine(directory, "Migrations", $"{n:D4}_step_{n}.sql"), Sql(n)));
        var csBuild = await BuildProject.MeasureAsync(repositoryRoot, "cs", migrationCount, (directory, n) =>
            File.WriteAllText(Path.Combine(directory, "Migrations", $"Step{n}.cs"), GeneratorBenchmark.Source(n, Sql(n))));

        Console.WriteLine($"## SQL-file migrations against C# migrations, {migrationCount} of each");
        Console.WriteLine();
        Console.WriteLine("| what | SQL files | C# classes | SQL / C# |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| generator, full run (in memory, warm) | {Measure.Ms(sqlFull)} | {Measure.Ms(csFull)} | {Measure.Ratio(sqlFull, csFull)} |");
        Console.WriteLine($"| generator, re-run after one SQL file changed | {Measure.Ms(sqlEdit)} | | |");
        Console.WriteLine($"| `dotnet build`, full (`--no-incremental`) | {Measure.Ms(sqlBuild.Full)} | {Measure.Ms(csBuild.Full)} | {Measure.Ratio(sqlBuild.Full, csBuild.Full)} |");
        Console.WriteLine($"| `dotnet build` after one migration changed | {Measure.Ms(sqlBuild.OneEdit)} | {Measure.Ms(csBuild.OneEdit)} | {Measure.Ratio(sqlBuild.OneEdit, csBuild.OneEdit)} |");
        Console.WriteLine();
    }

    private static string Sql(int n) => $"CREATE TABLE t{n} (id int PRIMARY KEY, name text)";


    /// <summary>A throwaway project using the repository's build props, runtime and generator, as the sample does.</summary>
    private static class BuildProject
    {
        public static async Task<(TimeSpan Full, TimeSpan OneEdit)> MeasureAsync(string root, string kind, int count, Action<string, int> writeMigration)
        {
            var directory = Path.Combine(Path.GetTempPath(), $"schemagen-build-{kind}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(Path.Combine(directory, "Migrations"));
            try
            {
                File.WriteAllText(Path.Combine(directory, "Benchmark.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <Import Project="{root}/build/SchemaGen.props" />
                      <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                      <ItemGroup>
                        <ProjectReference Include="{root}/src/SchemaGen/SchemaGen.csproj" />
                        <ProjectReference Include="{root}/src/SchemaGen.Generator/SchemaGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                      </ItemGroup>
                      <Import Project="{root}/build/SchemaGen.targets" />
                    </Project>
                    """);
                for (var n = 1; n <= count; n++)
                {
                    writeMigration(directory, n);
                }

                await DotNetAsync(directory, "build", "-c", "Release");
                var full = await DotNetAsync(directory, "build", "-c", "Release", "--no-restore", "--no-incremental");
                writeMigration(directory, 1);
                File.AppendAllText(Directory.GetFiles(Path.Combine(directory, "Migrations"))[0], "\n");
                var oneEdit = await DotNetAsync(directory, "build", "-c", "Release", "--no-restore");
                return (full, oneEdit);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private static async Task<TimeSpan> DotNetAsync(string directory, params string[] arguments)
            => (await ChildProcess.RunAsync("dotnet", arguments.Append("-nologo"), directory)).Elapsed;
    }
}
