using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SchemaGen.Generator.Tests;

/// <summary>Compiles sources with the generator, fails on any error, loads the assembly and returns its registry.</summary>
internal static class CompiledRegistry
{
    public static IReadOnlyList<MigrationDescriptor> Load(params (string Path, string Source)[] files)
    {
        var (output, diagnostics, _) = GeneratorRun.Generate(GeneratorRun.Compile(files));
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        using var image = new MemoryStream();
        var emit = output.Emit(image);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        image.Position = 0;
        var assembly = new AssemblyLoadContext(name: null, isCollectible: true).LoadFromStream(image);
        var registry = assembly.GetType("SchemaGen.Generated.MigrationRegistry", throwOnError: true)!;
        return (IReadOnlyList<MigrationDescriptor>)registry.GetProperty("All")!.GetValue(null)!;
    }

    public static IReadOnlyList<MigrationDescriptor> Load(params string[] sources)
        => Load(sources.Select((source, i) => ($"Migration{i}.cs", source)).ToArray());

    public static string GeneratedSource(params string[] sources)
    {
        var (_, _, run) = GeneratorRun.Generate(GeneratorRun.Compile(sources));
        return run.Results.Single().GeneratedSources.Single().SourceText.ToString();
    }

    public static CSharpParseOptions ParseOptions => GeneratorRun.ParseOptions;
}
