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

    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            [new MigrationGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and returns the output compilation with every diagnostic: compiler, generator and analyzer.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Run) Generate(CSharpCompilation input)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        var analyzerDiagnostics = output
            .WithAnalyzers([new MigrationClassAnalyzer(), new TableModelAnalyzer()])
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return (output, generatorDiagnostics.AddRange(analyzerDiagnostics), run);
    }
}
