using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaGen.Generator.Analyzers;

namespace SchemaGen.Generator.Tests;

/// <summary>Runs the generator (and the analyzer) over real Roslyn compilations.</summary>
internal static class GeneratorRun
{
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources)
        => Compile(sources.Select((source, i) => ($"Migration{i}.cs", source)).ToArray());

    public static CSharpCompilation Compile(params (string Path, string Source)[] files)
        => CSharpCompilation.Create(
            "Consumer",
            files.Select(file => CSharpSyntaxTree.ParseText(file.Source, ParseOptions, file.Path)),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> additionalFiles = default)
        => CSharpGeneratorDriver.Create(
            [new SchemaGenGenerator().AsSourceGenerator()],
            additionalFiles.IsDefault ? [] : additionalFiles,
            ParseOptions,
            additionalFiles.IsDefault ? null : AdditionalFiles.Options(additionalFiles),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator and returns the output compilation with every diagnostic: compiler, generator and analyzer.
    /// <paramref name="additionalFiles"/>: <c>.sql</c> migrations and a lock file, as the build passes them.
    /// </summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Run) Generate(
        CSharpCompilation input, params (string Path, string Text)[] additionalFiles)
    {
        var files = AdditionalFiles.Of(additionalFiles);
        var driver = CreateDriver(files).RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        var analyzerDiagnostics = output
            .WithAnalyzers(
                [new MigrationClassAnalyzer(), new TableModelAnalyzer(), new LockFileAnalyzer(), new SqlSafetyAnalyzer()],
                new AnalyzerOptions(files, AdditionalFiles.Options(files)))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return (output, generatorDiagnostics.AddRange(analyzerDiagnostics), run);
    }
}
