using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SchemaGen.Generator.Tests;

/// <summary>Compiles sources with the generator, fails on any error, loads the assembly and returns its registry or schema model.</summary>
internal static class CompiledRegistry
{
    public static IReadOnlyList<MigrationDescriptor> Load(params (string Path, string Source)[] files) => Load(files, []);

    /// <summary>The registry of C# sources and <c>.sql</c> migration files together.</summary>
    public static IReadOnlyList<MigrationDescriptor> Load((string Path, string Source)[] files, (string Path, string Text)[] sqlFiles)
    {
        var registry = LoadAssembly(files, sqlFiles).GetType("SchemaGen.Generated.MigrationRegistry", throwOnError: true)!;
        return (IReadOnlyList<MigrationDescriptor>)registry.GetProperty("All")!.GetValue(null)!;
    }

    public static SchemaGen.Schema.SchemaModel LoadSchema(string source)
    {
        var schema = LoadAssembly([("Models.cs", source)]).GetType("SchemaGen.Generated.SchemaModelRegistry", throwOnError: true)!;
        return (SchemaGen.Schema.SchemaModel)schema.GetProperty("Model")!.GetValue(null)!;
    }

    /// <summary>The model the auto-schema of migration <paramref name="number"/> works from, with a lock file and SQL files beside the sources.</summary>
    public static SchemaGen.Schema.SchemaModel LoadAutoSchemaModel(string source, int number, params (string Path, string Text)[] additionalFiles)
    {
        var schema = LoadAssembly([("Models.cs", source)], additionalFiles).GetType("SchemaGen.Generated.SchemaModelRegistry", throwOnError: true)!;
        return (SchemaGen.Schema.SchemaModel)schema.GetMethod("For")!.Invoke(null, [number])!;
    }

    private static System.Reflection.Assembly LoadAssembly((string Path, string Source)[] files, (string Path, string Text)[]? sqlFiles = null)
    {
        var (output, diagnostics, _) = GeneratorRun.Generate(GeneratorRun.Compile(files), sqlFiles ?? []);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        using var image = new MemoryStream();
        var emit = output.Emit(image);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext(name: null, isCollectible: true).LoadFromStream(image);
    }

    public static IReadOnlyList<MigrationDescriptor> Load(params string[] sources)
        => Load(sources.Select((source, i) => ($"Migration{i}.cs", source)).ToArray());

    public static string GeneratedSource(params string[] sources)
    {
        var (_, _, run) = GeneratorRun.Generate(GeneratorRun.Compile(sources));
        return Source(run, "SchemaGen.MigrationRegistry.g.cs");
    }

    /// <summary>The generated file of that hint name; for the registry's head, the head and then each of its chunks.</summary>
    public static string Source(GeneratorDriverRunResult run, string hintName)
    {
        var sources = run.Results.Single().GeneratedSources;
        var file = sources.Single(s => s.HintName == hintName).SourceText.ToString();
        return hintName != "SchemaGen.MigrationRegistry.g.cs"
            ? file
            : string.Concat(sources
                .Where(s => s.HintName.StartsWith("SchemaGen.MigrationRegistry.0", StringComparison.Ordinal))
                .OrderBy(s => s.HintName, StringComparer.Ordinal)
                .Select(s => s.SourceText.ToString())
                .Prepend(file));
    }

    public static CSharpParseOptions ParseOptions => GeneratorRun.ParseOptions;
}
