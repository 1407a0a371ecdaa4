using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SchemaGen.Generator;

namespace SchemaGen.Benchmarks;

/// <summary>The generator's time over a compilation of many migrations: a full run, and a re-run after one edit.</summary>
internal static class GeneratorBenchmark
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static void Run(int migrationCount)
    {
        var compilation = Compilation(Enumerable.Range(1, migrationCount).Select(n => Parse(n, $"CREATE TABLE t{n} (id int)")));

        var cold = Stopwatch.StartNew();
        var driver = CreateDriver().RunGenerators(compilation);
        cold.Stop();
        Check(driver, migrationCount);

        var full = Measure.Median(warmup: 3, runs: 15, () => CreateDriver().RunGenerators(compilation));

        var edited = 0;
        var oneEdit = Measure.Median(warmup: 3, runs: 15, () =>
        {
            var number = (edited++ % migrationCount) + 1;
            var old = compilation.SyntaxTrees.Single(t => t.FilePath == FileName(number));
            var changed = compilation.ReplaceSyntaxTree(old, Parse(number, $"CREATE TABLE t{number} (id bigint, edit int)"));
            driver = driver.RunGenerators(changed);
        });

        var unrelated = Measure.Median(warmup: 3, runs: 15, () =>
            driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", ParseOptions, "Unrelated.cs"))));

        Console.WriteLine($"## Generator, {migrationCount} migrations (one file each)");
        Console.WriteLine();
        Console.WriteLine("| run | median | vs. full run |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| first run (cold, includes JIT) | {Measure.Ms(cold.Elapsed)} | {Measure.Ratio(cold.Elapsed, full)} |");
        Console.WriteLine($"| full run (fresh driver, warm) | {Measure.Ms(full)} | 1.00× |");
        Console.WriteLine($"| re-run after one migration body changed | {Measure.Ms(oneEdit)} | {Measure.Ratio(oneEdit, full)} |");
        Console.WriteLine($"| re-run after an unrelated file was added | {Measure.Ms(unrelated)} | {Measure.Ratio(unrelated, full)} |");
        Console.WriteLine();
    }

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees)
        => CSharpCompilation.Create("Benchmark", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? sqlFiles = null)
        => CSharpGeneratorDriver.Create(
            [new SchemaGenGenerator().AsSourceGenerator()],
            sqlFiles,
            ParseOptions,
            sqlFiles is null ? null : new SqlMigrationOptions());

    /// <summary>Fails when the registry does not hold every migration: a benchmark of a broken generator measures nothing.</summary>
    public static void Check(GeneratorDriver driver, int migrationCount)
    {
        var source = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "SchemaGen.MigrationRegistry.g.cs").SourceText.ToString();
        var entries = source.Split("new global::SchemaGen.MigrationDescriptor(").Length - 1;
        if (entries != migrationCount)
        {
            throw new InvalidOperationException($"Expected {migrationCount} registry entries, found {entries}.");
        }
    }

    private static string FileName(int number) => $"Migration{number}.cs";

    /// <summary>The C# source of migration <paramref name="number"/>, as a benchmark project's file holds it.</summary>
    public static string Source(int number, string sql) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using SchemaGen;

        namespace Benchmark.Migrations;

        [Migration({{number}}, "step_{{number}}", Description = "Step {{number}}")]
        public sealed class Step{{number}} : Migration
        {
            public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                => context.ExecuteAsync("{{sql}}", cancellationToken);
        }
        """;

    private static SyntaxTree Parse(int number, string sql) => CSharpSyntaxTree.ParseText(Source(number, sql), ParseOptions, FileName(number));

    private static IEnumerable<MetadataReference> References()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == runtimeDirectory)
            .Append(typeof(Migration).Assembly.Location)
            .Append(typeof(Npgsql.NpgsqlConnection).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
    }
}
