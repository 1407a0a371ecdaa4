using System.Reflection;
using Microsoft.CodeAnalysis;
using SchemaGen.Generator.Diagnostics;

namespace SchemaGen.Generator.Tests;

/// <summary>Every diagnostic is in the catalog reporting looks up, has its page, a help link to it, and a release entry.</summary>
public class DiagnosticDocsTests
{
    public static TheoryData<string> Ids => [.. Descriptors().Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_has_a_page_that_its_help_link_names_and_a_release_entry(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var root = RepositoryRoot();

        Assert.True(File.Exists(Path.Combine(root, "docs", "diagnostics", id + ".md")), $"docs/diagnostics/{id}.md is missing");
        Assert.EndsWith($"/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        Assert.Contains($"\n{id} |", File.ReadAllText(Path.Combine(root, "src", "SchemaGen.Generator", "AnalyzerReleases.Unshipped.md")));
        Assert.Same(descriptor, DiagnosticDescriptors.Find(id));
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors()
        => typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "SchemaGen.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("SchemaGen.sln not found");
        }

        return directory.FullName;
    }
}
