using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Parse;
using SchemaGen.Generator.Validate;

namespace SchemaGen.Generator.Analyzers
{
    /// <summary>
    /// Checks each <c>[Migration]</c> and <c>[RepeatableMigration]</c> class on its own: number below 1, a class that cannot be a
    /// migration, a bad name or description.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MigrationClassAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.NumberBelowOne,
            DiagnosticDescriptors.NotAMigrationClass,
            DiagnosticDescriptors.InvalidName,
            DiagnosticDescriptors.InvalidDescription);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = start.Compilation.GetTypeByMetadataName(WellKnownNames.MigrationAttribute);
                if (attributeType is null)
                {
                    return;
                }

                var migrationBase = start.Compilation.GetTypeByMetadataName(WellKnownNames.MigrationBase);
                var repeatableType = start.Compilation.GetTypeByMetadataName(WellKnownNames.RepeatableMigrationAttribute);
                start.RegisterSymbolAction(
                    symbolContext => AnalyzeType(symbolContext, attributeType, repeatableType, migrationBase),
                    SymbolKind.NamedType);
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol attributeType, INamedTypeSymbol? repeatableType, INamedTypeSymbol? migrationBase)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!MigrationAttributeValues.TryReadFrom(type, attributeType, repeatableType, context.CancellationToken, out var values, out var location))
            {
                return;
            }

            if (values.Number < 1 && !values.Repeatable)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NumberBelowOne, location, type.Name, values.Number));
            }

            var classProblem = MigrationClassRules.FindProblem(type, migrationBase);
            if (classProblem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotAMigrationClass, location, type.Name, classProblem));
            }

            var nameProblem = MigrationNameRules.FindProblem(values.Name);
            if (nameProblem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidName, location, type.Name, nameProblem));
            }

            if (values.Description.IndexOf('\0') >= 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidDescription, location, type.Name));
            }
        }
    }
}
