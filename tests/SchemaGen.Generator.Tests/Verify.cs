using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SchemaGen.Generator.Analyzers;
using SchemaGen.Generator.Diagnostics;

namespace SchemaGen.Generator.Tests;

/// <summary>The Roslyn testing verifiers, set up with offline references.</summary>
internal static class Verify
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor, int markupKey)
        => new DiagnosticResult(descriptor).WithLocation(markupKey);

    public static async Task GeneratorAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new CSharpSourceGeneratorTest<SchemaGenGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        };
        Prepare(test.TestState, sources, expected);
        await test.RunAsync();
    }

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
        => AnalyzerAsync<MigrationClassAnalyzer>([source], expected);

    public static Task ModelAnalyzerAsync(string source, params DiagnosticResult[] expected)
        => AnalyzerAsync<TableModelAnalyzer>([source], expected);

    public static async Task AnalyzerAsync<TAnalyzer>(string[] sources, params DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
        };
        Prepare(test.TestState, sources, expected);
        await test.RunAsync();
    }

    public static async Task LockFileAnalyzerAsync(
        (string Path, string Source)[] sources,
        (string Path, string Text) lockFile,
        DiagnosticResult[] expected,
        (string Path, string Text)? analyzerConfig = null)
    {
        var test = new CSharpAnalyzerTest<LockFileAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
        };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.TestState.AdditionalFiles.Add(lockFile);
        if (analyzerConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(analyzerConfig.Value);
        }

        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static void Prepare(SolutionState state, string[] sources, DiagnosticResult[] expected)
    {
        foreach (var source in sources)
        {
            state.Sources.Add(source);
        }

        state.AdditionalReferences.AddRange(TestReferences.All);
        state.ExpectedDiagnostics.AddRange(expected);
    }

    public static DiagnosticDescriptor SG0001 => DiagnosticDescriptors.DuplicateNumber;
    public static DiagnosticDescriptor SG0002 => DiagnosticDescriptors.NumberGap;
    public static DiagnosticDescriptor SG0003 => DiagnosticDescriptors.NumberBelowOne;
    public static DiagnosticDescriptor SG0004 => DiagnosticDescriptors.NotAMigrationClass;
    public static DiagnosticDescriptor SG0005 => DiagnosticDescriptors.InvalidName;
    public static DiagnosticDescriptor SG0006 => DiagnosticDescriptors.InvalidDescription;
    public static DiagnosticDescriptor SG0301 => DiagnosticDescriptors.TransactionControlInTransaction;
    public static DiagnosticDescriptor SG0101 => DiagnosticDescriptors.RecordedMigrationEdited;
    public static DiagnosticDescriptor SG0102 => DiagnosticDescriptors.RecordedMigrationGone;
    public static DiagnosticDescriptor SG0103 => DiagnosticDescriptors.RecordedNumberRenamed;
    public static DiagnosticDescriptor SG0104 => DiagnosticDescriptors.LockFileUnreadable;
    public static DiagnosticDescriptor SG0201 => DiagnosticDescriptors.UnsupportedPropertyType;
    public static DiagnosticDescriptor SG0202 => DiagnosticDescriptors.TableWithoutKey;
    public static DiagnosticDescriptor SG0203 => DiagnosticDescriptors.IndexColumnNotFound;
    public static DiagnosticDescriptor SG0204 => DiagnosticDescriptors.TableMappedTwice;
    public static DiagnosticDescriptor SG0205 => DiagnosticDescriptors.ForeignKeyUnresolved;
    public static DiagnosticDescriptor SG0206 => DiagnosticDescriptors.IdentifierTooLong;
    public static DiagnosticDescriptor SG0207 => DiagnosticDescriptors.IndexNameUsedTwice;
}
