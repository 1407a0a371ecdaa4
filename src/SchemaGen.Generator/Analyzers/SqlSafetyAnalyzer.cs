using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Parse;
using SchemaGen.Generator.Parse.SqlFiles;
using SchemaGen.SqlParsing.Lint;

namespace SchemaGen.Generator.Analyzers
{
    /// <summary>
    /// SG0301–SG0316: migration SQL (and its down's) that is unsafe on a live database, seen where it is written — constant SQL passed to
    /// <c>MigrationContext.ExecuteAsync</c> in a <c>[Migration]</c> class (on the exact span inside the literal), and
    /// <c>.sql</c> migration files (at the statement's line). Each rule's severity can be set in <c>.editorconfig</c>. The rules ask
    /// the compile-time schema model (<see cref="SchemaHistory"/>) what a table held before the migration, and whether it is released.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SqlSafetyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly Dictionary<string, DiagnosticDescriptor> ById = DiagnosticDescriptors.SqlSafety.ToDictionary(d => d.Id);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SqlSafety);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = start.Compilation.GetTypeByMetadataName(WellKnownNames.MigrationAttribute);
                var repeatableType = start.Compilation.GetTypeByMetadataName(WellKnownNames.RepeatableMigrationAttribute);
                var contextType = start.Compilation.GetTypeByMetadataName(WellKnownNames.MigrationContext);
                if (attributeType is null || contextType is null)
                {
                    return;
                }

                var history = new System.Lazy<SchemaHistory>(
                    () => SchemaHistory.Build(start.Compilation, start.Options, attributeType, repeatableType, start.CancellationToken),
                    System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
                start.RegisterSyntaxNodeAction(
                    nodeContext => AnalyzeInvocation(nodeContext, attributeType, repeatableType, contextType, history),
                    Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
                start.RegisterAdditionalFileAction(fileContext => AnalyzeSqlFile(fileContext, history));
            });
        }

        /// <summary>A syntax check first (a call named ExecuteAsync with an argument), so most invocations cost no binding.</summary>
        private static void AnalyzeInvocation(
            SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType, INamedTypeSymbol? repeatableType, INamedTypeSymbol contextType, System.Lazy<SchemaHistory> history)
        {
            var syntax = (Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax)context.Node;
            var name = syntax.Expression switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => null,
            };
            if (name != "ExecuteAsync" || syntax.ArgumentList.Arguments.Count == 0
                || context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is not IMethodSymbol method
                || !SymbolEqualityComparer.Default.Equals(method.ContainingType, contextType))
            {
                return;
            }

            var argumentSyntax = syntax.ArgumentList.Arguments[0].Expression;
            if (context.SemanticModel.GetConstantValue(argumentSyntax, context.CancellationToken) is not { HasValue: true, Value: string sql })
            {
                return;
            }

            var migration = context.ContainingSymbol?.ContainingType;
            if (migration is null || !MigrationAttributeValues.TryReadFrom(migration, attributeType, repeatableType, context.CancellationToken, out var values, out _))
            {
                return;
            }

            var spans = LiteralSpans.Of(argumentSyntax);
            var inDown = context.ContainingSymbol is IMethodSymbol { Name: "DownAsync", IsOverride: true };
            foreach (var finding in MigrationSqlLinter.Lint(sql, values.Transactional, inDown, inDown ? null : Model(history.Value, values.Id, wholeSql: false)))
            {
                var location = spans?.Map(finding.Start, finding.Length);
                var properties = location is null
                    ? ImmutableDictionary<string, string?>.Empty
                    : FixProperties(finding, spans!.Position(finding.StatementStart), spans.Position(finding.StatementEnd));
                context.ReportDiagnostic(Create(finding, location ?? argumentSyntax.GetLocation(), migration.Name, properties));
            }
        }

        /// <summary>What the compile-time schema model knew just before the migration; null when it is not one the history holds.</summary>
        private static LintModel? Model(SchemaHistory history, string migrationId, bool wholeSql)
            => history.Before(migrationId, wholeSql) is { } before ? new LintModel(before, migrationId, history.IsUnreleased) : null;

        private static void AnalyzeSqlFile(AdditionalFileAnalysisContext context, System.Lazy<SchemaHistory> history)
        {
            if (!SqlMigrationFiles.IsMigration(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile)))
            {
                return;
            }

            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text is null)
            {
                return;
            }

            var sql = text.ToString();
            var header = SqlMigrationHeader.Read(sql);
            var fileName = System.IO.Path.GetFileName(context.AdditionalFile.Path);
            var isDown = fileName.EndsWith(SqlMigrationFileName.DownSuffix, System.StringComparison.OrdinalIgnoreCase);
            var transactional = header.Transactional || fileName.StartsWith(SqlMigrationFileName.RepeatablePrefix, System.StringComparison.Ordinal);
            var model = !isDown && SqlMigrationFileName.TryRead(fileName, out var kind, out var number, out var name, out _)
                ? Model(history.Value, MigrationId.Of(number, name, kind == SqlFileKind.Repeatable), wholeSql: true)
                : null;
            foreach (var finding in MigrationSqlLinter.Lint(sql, transactional, isDown, model))
            {
                var span = new TextSpan(finding.Start, finding.Length);
                var location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
                context.ReportDiagnostic(Create(finding, location, fileName, ImmutableDictionary<string, string?>.Empty));
            }
        }

        /// <summary>SG0301 and SG0302 name the migration after the finding's own arguments.</summary>
        private static Diagnostic Create(LintFinding finding, Location location, string migration, ImmutableDictionary<string, string?> properties)
        {
            var args = finding.Id == LintRules.TransactionControl || finding.Id == LintRules.NotInTransaction
                ? finding.Args.Concat(new[] { migration }).ToArray()
                : finding.Args;
            return Diagnostic.Create(ById[finding.Id], location, properties, args.Cast<object>().ToArray());
        }

        /// <summary>What the code fixes need: where the statement starts and ends in the source, and the finding's arguments.</summary>
        private static ImmutableDictionary<string, string?> FixProperties(LintFinding finding, int statementStart, int statementEnd)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[FixProperty.StatementStart] = statementStart.ToString(System.Globalization.CultureInfo.InvariantCulture);
            properties[FixProperty.StatementEnd] = statementEnd.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < finding.Args.Length; i++)
            {
                properties[FixProperty.Argument(i)] = finding.Args[i];
            }

            return properties.ToImmutable();
        }
    }
}
