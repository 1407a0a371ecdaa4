using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SchemaGen.Generator.Tests;

/// <summary>
/// Compile-time references for test compilations: the running .NET runtime's assemblies plus SchemaGen and its
/// dependencies, all from disk, so tests need no reference-assembly download.
/// </summary>
internal static class TestReferences
{
    public static ImmutableArray<MetadataReference> All { get; } = Load();

    /// <summary>For the Roslyn testing verifiers: no NuGet package; <see cref="All"/> is added as extra references.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    private static ImmutableArray<MetadataReference> Load()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtime = trusted.Where(path => Path.GetDirectoryName(path) == runtimeDirectory);
        var schemaGen = new[]
        {
            typeof(SchemaGen.Migration).Assembly.Location,
            typeof(Npgsql.NpgsqlConnection).Assembly.Location,
            typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location,
        };
        return runtime.Concat(schemaGen)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
