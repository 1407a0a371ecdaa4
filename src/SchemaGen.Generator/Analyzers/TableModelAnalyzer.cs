using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Parse.SchemaModel;

namespace SchemaGen.Generator.Analyzers
{
    /// <summary>
    /// Checks <c>[Table]</c> model classes: each on its own (SG0201–SG0203, SG0205, SG0206) with the same reader the
    /// generator uses, and all together at the end of the compilation (a table or an index name used twice: SG0204, SG0207).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TableModelAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.UnsupportedPropertyType,
            DiagnosticDescriptors.TableWithoutKey,
            DiagnosticDescriptors.IndexColumnNotFound,
            DiagnosticDescriptors.TableMappedTwice,
            DiagnosticDescriptors.ForeignKeyUnresolved,
            DiagnosticDescriptors.IdentifierTooLong,
            DiagnosticDescriptors.IndexNameUsedTwice);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attributes = ModelAttributes.From(start.Compilation);
                if (attributes is null)
                {
                    return;
                }

                var models = new ConcurrentBag<ReadModel>();
                start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, attributes, models), SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end => CheckAcrossModels(end, models));
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, ModelAttributes attributes, ConcurrentBag<ReadModel> models)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!attributes.IsModel(type))
            {
                return;
            }

            var (table, problems) = TableReader.Read(type, attributes, context.CancellationToken);
            foreach (var problem in problems.All)
            {
                context.ReportDiagnostic(problem.ToDiagnostic());
            }

            if (table is not null)
            {
                var indexes = problems.IndexNames.Select(index => new KeyValuePair<string, Location>(index.Key, index.Value())).ToList();
                models.Add(new ReadModel(type, table.Schema ?? "", table.Name, ModelProblems.Of(ModelAttributes.Find(type, attributes.Table), type)(), indexes));
            }
        }

        private static void CheckAcrossModels(CompilationAnalysisContext context, ConcurrentBag<ReadModel> models)
        {
            var ordered = models.OrderBy(m => m.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(m => m.Location.SourceSpan.Start).ToList();
            foreach (var sameTable in ordered.GroupBy(m => (m.Schema, m.Table)).Where(g => g.Count() > 1))
            {
                var first = sameTable.First();
                foreach (var other in sameTable.Skip(1))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TableMappedTwice, other.Location,
                        first.Type.Name, other.Type.Name, other.Schema.Length == 0 ? other.Table : other.Schema + "." + other.Table));
                }
            }

            var indexes = ordered.SelectMany(m => m.Indexes.Select(index => (Model: m, Name: index.Key, Location: index.Value)));
            foreach (var sameName in indexes.GroupBy(i => (i.Model.Schema, i.Name)).Where(g => g.Count() > 1))
            {
                var first = sameName.First();
                foreach (var other in sameName.Skip(1))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IndexNameUsedTwice, other.Location,
                        other.Name, first.Model.Type.Name, other.Model.Type.Name));
                }
            }
        }

        /// <summary>A model as the cross-model checks need it: where its [Table] is, and each index name with its [Index].</summary>
        private sealed record ReadModel(INamedTypeSymbol Type, string Schema, string Table, Location Location, List<KeyValuePair<string, Location>> Indexes);
    }
}
