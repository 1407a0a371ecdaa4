using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SchemaGen.Benchmarks;

/// <summary>Marks every additional <c>.sql</c> file as a migration, as build/SchemaGen.targets does for the migrations folder.</summary>
internal sealed class SqlMigrationOptions : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions None = new Values(false);
    private static readonly AnalyzerConfigOptions Migration = new Values(true);

    public override AnalyzerConfigOptions GlobalOptions => None;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path.EndsWith(".sql", StringComparison.Ordinal) ? Migration : None;

    private sealed class Values(bool migration) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = migration && key == "build_metadata.AdditionalFiles.SchemaGenSqlMigration" ? "true" : null;
            return value is not null;
        }
    }
}
