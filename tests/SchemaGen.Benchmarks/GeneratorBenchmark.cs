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

        // Roslyn's binding code is still being tiered up by the JIT on the first edits: one discarded pass first.
        Edits(compilation, migrationCount, [() => CreateDriver()]);
        var alone = Edits(compilation, migrationCount, [() => CreateDriver()]);
        var paired = Edits(compilation, migrationCount, [FloorDriver, () => CreateDriver(), FloorDriver]);

        Console.WriteLine($"## Generator, {migrationCount} migrations (one file each)");
        Console.WriteLine();
        Console.WriteLine("Each edit is a new compilation, as an IDE makes on a keystroke. *Roslyn floor*: a generator with the same");
        Console.WriteLine("`ForAttributeWithMetadataName` whose transform reads only the class name, on the fresh compilation. *SchemaGen's own*:");
        Console.WriteLine("SchemaGen's generator on that same compilation right after, so Roslyn's attribute binding is already done. *Floor again*:");
        Console.WriteLine("the floor generator once more right after that, which pays Roslyn's own per-generator work on a bound compilation;");
        Console.WriteLine("*over the floor* is SchemaGen's own less that: what SchemaGen's transform and pipeline add.");
        Console.WriteLine();
        Console.WriteLine("| run | SchemaGen | Roslyn floor | SchemaGen's own | floor again | SchemaGen over the floor |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| first run (cold, includes JIT) | {Measure.Ms(cold.Elapsed)} | | | | |");
        Console.WriteLine($"| full run (fresh driver, warm compilation) | {Measure.Ms(full)} | | | | |");
        WriteEdit("re-run after one migration body changed (its DDL: the schema model replays every migration)", alone.OneEdit[0], paired.OneEdit);
        WriteEdit("re-run after an unrelated file was added", alone.Unrelated[0], paired.Unrelated);
        Console.WriteLine();
    }

    /// <param name="paired">The floor, SchemaGen and the floor again, on each edit's compilation in that order.</param>
    private static void WriteEdit(string edit, TimeSpan alone, TimeSpan[] paired)
        => Console.WriteLine(
            $"| {edit} | {Measure.Ms(alone)} | {Measure.Ms(paired[0])} | {Measure.Ms(paired[1])} | {Measure.Ms(paired[2])} | {Measure.Ms(paired[1] - paired[2])} |");

    private static GeneratorDriver FloorDriver() => CSharpGeneratorDriver.Create(new FloorGenerator().AsSourceGenerator());

    private sealed record EditTimes(TimeSpan[] OneEdit, TimeSpan[] Unrelated);

    /// <summary>
    /// The median time of each driver over the same edits, run one after another on each new compilation. Each edit starts
    /// from the last compilation, as typing does.
    /// </summary>
    private static EditTimes Edits(CSharpCompilation compilation, int migrationCount, Func<GeneratorDriver>[] newDrivers)
    {
        var drivers = newDrivers.Select(newDriver => newDriver().RunGenerators(compilation)).ToArray();
        var edits = 0;
        var oneEdit = Measure.Medians(
            warmup: 3,
            runs: 41,
            setup: () =>
            {
                var number = (edits % migrationCount) + 1;
                var old = compilation.SyntaxTrees.Single(t => t.FilePath == FileName(number));
                compilation = compilation.ReplaceSyntaxTree(old, Parse(number, $"CREATE TABLE t{number} (id bigint, edit{edits++} int)"));
            },
            actions: Runs(drivers, () => compilation));

        var unrelated = Measure.Medians(
            warmup: 3,
            runs: 41,
            setup: () => compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText($"class Unrelated{edits++} {{ }}", ParseOptions, $"Unrelated{edits}.cs")),
            actions: Runs(drivers, () => compilation));

        Check(drivers.Single(driver => driver.GetRunResult().Results.Single().Generator.GetGeneratorType() == typeof(SchemaGenGenerator)), migrationCount);
        return new EditTimes(oneEdit, unrelated);
    }

    private static Action[] Runs(GeneratorDriver[] drivers, Func<CSharpCompilation> compilation)
        => drivers.Select((_, i) => (Action)(() => drivers[i] = drivers[i].RunGenerators(compilation()))).ToArray();

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
        var source = string.Concat(driver.GetRunResult().Results.Single().GeneratedSources
            .Where(s => s.HintName.StartsWith("SchemaGen.MigrationRegistry.", StringComparison.Ordinal))
            .Select(s => s.SourceText.ToString()));
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
