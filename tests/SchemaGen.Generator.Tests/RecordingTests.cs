using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaGen.Generator.LockFile;
using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>The lock file contents the generator emits only while the record target builds.</summary>
public class RecordingTests
{
    private static ImmutableArray<GeneratedSourceResult> Generate(bool recording, params string[] sources)
    {
        var options = new TestOptionsProvider(recording ? new() { ["build_property.SchemaGenRecording"] = "true" } : new());
        var driver = CSharpGeneratorDriver.Create([new SchemaGenGenerator().AsSourceGenerator()], parseOptions: GeneratorRun.ParseOptions, optionsProvider: options);
        return driver.RunGenerators(GeneratorRun.Compile(sources)).GetRunResult().Results.Single().GeneratedSources;
    }

    [Fact]
    public void An_ordinary_build_emits_no_lock_file_contents()
        => Assert.DoesNotContain(Generate(false, File(Migration("""Migration(1, "users")""", "Users"))), s => s.HintName.Contains("Lock", StringComparison.Ordinal));

    [Fact]
    public void Recording_emits_the_lock_file_sorted_by_number_one_entry_a_line_and_it_reads_back()
    {
        var sources = Generate(true, File(
            Migration("""Migration(2, "audit_log")""", "AuditLog", "CREATE TABLE audit_logs (id int)"),
            Migration("""Migration(1, "users")""", "Users", "CREATE TABLE users (id int)")));
        var registry = CompiledRegistry.Load(File(
            Migration("""Migration(2, "audit_log")""", "AuditLog", "CREATE TABLE audit_logs (id int)"),
            Migration("""Migration(1, "users")""", "Users", "CREATE TABLE users (id int)")));

        var text = sources.Single(s => s.HintName == "SchemaGen.MigrationsLock.g.cs").SourceText.ToString();
        var lockLines = text.Split('\n').Where(l => l.StartsWith("//|", StringComparison.Ordinal)).Select(l => l[3..]).ToArray();

        Assert.Equal(
            [
                "{",
                "  \"version\": 1,",
                "  \"migrations\": [",
                $"    {{ \"number\": 1, \"name\": \"users\", \"checksum\": \"{registry[0].Checksum}\" }},",
                $"    {{ \"number\": 2, \"name\": \"audit_log\", \"checksum\": \"{registry[1].Checksum}\" }}",
                "  ]",
                "}",
            ],
            lockLines);
        var parsed = LockFileParser.Parse(string.Join("\n", lockLines));
        Assert.Empty(parsed.Problems);
        Assert.Equal([(1, "users"), (2, "audit_log")], parsed.Entries.Select(e => (e.Number, e.Name)));
    }

    [Fact]
    public void Recording_with_no_migrations_writes_an_empty_list()
    {
        var text = Generate(true, "class Nothing { }").Single(s => s.HintName == "SchemaGen.MigrationsLock.g.cs").SourceText.ToString();
        Assert.Contains("//|  \"migrations\": []", text);
    }

    private sealed class TestOptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                var found = values.TryGetValue(key, out var text);
                value = text ?? string.Empty;
                return found;
            }
        }
    }
}
