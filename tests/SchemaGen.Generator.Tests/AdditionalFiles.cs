using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SchemaGen.Generator.Tests;

/// <summary>Additional files as the build passes them: every <c>.sql</c> one marked as a migration, as build/SchemaGen.targets does.</summary>
internal static class AdditionalFiles
{
    public static ImmutableArray<AdditionalText> Of(params (string Path, string Text)[] files)
        => [.. files.Select(file => (AdditionalText)new InMemoryText(file.Path, file.Text))];

    public static AnalyzerConfigOptionsProvider Options(ImmutableArray<AdditionalText> files, Dictionary<string, string>? globalOptions = null)
        => new Provider(files, globalOptions is null ? None : new ConfigOptions(globalOptions));

    private static readonly AnalyzerConfigOptions None = new ConfigOptions([]);

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Provider(ImmutableArray<AdditionalText> files, AnalyzerConfigOptions globalOptions) : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions SqlMigration = new ConfigOptions(new() { ["build_metadata.AdditionalFiles.SchemaGenSqlMigration"] = "true" });

        public override AnalyzerConfigOptions GlobalOptions => globalOptions;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => files.Contains(textFile) && textFile.Path.EndsWith(".sql", StringComparison.Ordinal) ? SqlMigration : None;
    }

    private sealed class ConfigOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
