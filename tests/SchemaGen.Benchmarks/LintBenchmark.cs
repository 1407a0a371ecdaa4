using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaGen.Generator.Analyzers;

namespace SchemaGen.Benchmarks;

/// <summary>
/// The SQL safety analyzer's time over many migrations (C# constants and .sql files), against the class analyzer every
/// build already runs; and, when the Lemmy corpus is prepared, what it finds there, rule by rule.
/// </summary>
internal static class LintBenchmark
{
    private const string Sql = "ALTER TABLE orders ADD COLUMN note text; CREATE INDEX idx_orders_note ON orders (note); ALTER TABLE orders ALTER COLUMN total SET NOT NULL";

    public static async Task RunAsync(int migrationCount, string repositoryRoot)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = GeneratorBenchmark.Compilation(Enumerable.Range(1, migrationCount)
            .Select(n => CSharpSyntaxTree.ParseText(GeneratorBenchmark.Source(n, Sql), parse, $"Migration{n}.cs")));
        var files = Enumerable.Range(1, migrationCount).Select(n => (AdditionalText)InMemoryFile.Migration(n, Sql)).ToImmutableArray();
        var sqlOnly = GeneratorBenchmark.Compilation([CSharpSyntaxTree.ParseText("using SchemaGen; class Program { }", parse)]);

        var classAnalyzer = await TimeAsync(compilation, new MigrationClassAnalyzer(), []);
        var onClasses = await TimeAsync(compilation, new SqlSafetyAnalyzer(), []);
        var onFiles = await TimeAsync(sqlOnly, new SqlSafetyAnalyzer(), files);

        Console.WriteLine($"## SQL safety analyzer, {migrationCount} migrations of 3 statements");
        Console.WriteLine();
        Console.WriteLine("Wall: a whole analyzer pass over a fresh compilation (binding included); own: the analyzer's callbacks alone (Roslyn's execution-time telemetry).");
        Console.WriteLine();
        Console.WriteLine("| analyzer | wall (median) | own (median) | own vs. class analyzer |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| `MigrationClassAnalyzer` (SG0003–SG0006) over the C# migrations, for scale | {Measure.Ms(classAnalyzer.Wall)} | {Measure.Ms(classAnalyzer.Own)} | 1.00× |");
        Console.WriteLine($"| `SqlSafetyAnalyzer` over the C# migrations' constant SQL | {Measure.Ms(onClasses.Wall)} | {Measure.Ms(onClasses.Own)} | {Measure.Ratio(onClasses.Own, classAnalyzer.Own)} |");
        Console.WriteLine($"| `SqlSafetyAnalyzer` over the same SQL as .sql files | {Measure.Ms(onFiles.Wall)} | {Measure.Ms(onFiles.Own)} | {Measure.Ratio(onFiles.Own, classAnalyzer.Own)} |");
        Console.WriteLine();
        await CorpusCountsAsync(repositoryRoot, sqlOnly);
    }

    private static async Task<(TimeSpan Wall, TimeSpan Own)> TimeAsync(Compilation compilation, DiagnosticAnalyzer analyzer, ImmutableArray<AdditionalText> files)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(files, new SqlMigrationOptions()), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var own = new List<double>();
        var wall = await Measure.MedianAsync(warmup: 2, runs: 9, async () =>
        {
            var run = new CompilationWithAnalyzers(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees), [analyzer], options);
            if ((await run.GetAnalyzerDiagnosticsAsync()).Length == 0 && analyzer is SqlSafetyAnalyzer)
            {
                throw new InvalidOperationException($"{analyzer.GetType().Name} found nothing: a benchmark of a broken analyzer measures nothing.");
            }

            own.Add((await run.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds);
        });
        own.Sort();
        return (wall, TimeSpan.FromMilliseconds(own[own.Count / 2]));
    }

    private const int UnreleasedCount = 60;

    /// <summary>A lock file recording <paramref name="released"/> (NNNN_name.sql files); the checksums do not matter to the lint.</summary>
    private static AdditionalText LockFile(IEnumerable<AdditionalText> released)
    {
        var lines = released.Select(file => Path.GetFileNameWithoutExtension(file.Path)).Select(id =>
            $"    {{ \"number\": {int.Parse(id[..id.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture)}, \"name\": \"{id[(id.IndexOf('_') + 1)..]}\", \"checksum\": \"sha256:{new string('0', 64)}\" }}");
        return new InMemoryFile("/corpus/migrations.lock.json", $"{{\n  \"version\": 1,\n  \"migrations\": [\n{string.Join(",\n", lines)}\n  ]\n}}\n");
    }

    /// <summary>Rule by rule over the prepared Lemmy corpus (tests/SchemaGen.Corpus/prepare-lemmy.sh); skipped without it.</summary>
    private static async Task CorpusCountsAsync(string repositoryRoot, Compilation compilation)
    {
        var folder = Path.Combine(repositoryRoot, "tests", "SchemaGen.Corpus", "Migrations");
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.sql").Select(path => (AdditionalText)new InMemoryFile(path, File.ReadAllText(path))).ToImmutableArray()
            : [];
        if (files.IsEmpty)
        {
            Console.WriteLine("(The Lemmy corpus is not prepared: no per-rule counts.)");
            Console.WriteLine();
            return;
        }

        var diagnostics = await compilation.WithAnalyzers([new SqlSafetyAnalyzer()], new AnalyzerOptions(files, new SqlMigrationOptions())).GetAnalyzerDiagnosticsAsync();
        var released = files.OrderBy(file => file.Path, StringComparer.Ordinal).Take(files.Length - UnreleasedCount).ToList();
        var withLockFile = await compilation
            .WithAnalyzers([new SqlSafetyAnalyzer()], new AnalyzerOptions(files.Add(LockFile(released)), new SqlMigrationOptions()))
            .GetAnalyzerDiagnosticsAsync();
        Console.WriteLine($"### Over Lemmy's history ({files.Length} migrations)");
        Console.WriteLine();
        Console.WriteLine($"The last column: with a lock file that records all but the last {UnreleasedCount} migrations, whose new tables need no care yet.");
        Console.WriteLine();
        Console.WriteLine($"| rule | findings | migrations | findings, last {UnreleasedCount} unreleased |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var rule in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var unreleased = withLockFile.Count(d => d.Id == rule.Key);
            Console.WriteLine($"| {rule.Key} {rule.First().Descriptor.Title} | {rule.Count()} | {rule.Select(d => d.Location.GetLineSpan().Path).Distinct().Count()} | {unreleased} |");
        }

        Console.WriteLine();
    }
}
