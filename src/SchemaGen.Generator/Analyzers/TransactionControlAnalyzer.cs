using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Parse;
using SchemaGen.SqlParsing;

namespace SchemaGen.Generator.Analyzers
{
    /// <summary>
    /// SG0301: constant SQL passed to <c>MigrationContext.ExecuteAsync</c> in a transactional migration that would end the
    /// transaction it shares with its ledger row (<c>COMMIT</c>, <c>ROLLBACK</c>, <c>END</c>, <c>BEGIN</c>…). The runner refuses it; this says so while typing.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TransactionControlAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.TransactionControlInTransaction);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = start.Compilation.GetTypeByMetadataName(WellKnownNames.MigrationAttribute);
                var contextType = start.Compilation.GetTypeByMetadataName(WellKnownNames.MigrationContext);
                if (attributeType is null || contextType is null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    operationContext => AnalyzeInvocation(operationContext, attributeType, contextType),
                    OperationKind.Invocation);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol attributeType, INamedTypeSymbol contextType)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name != "ExecuteAsync"
                || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, contextType)
                || invocation.Arguments.Length == 0
                || invocation.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string sql})
            {
                return;
            }

            var migration = context.ContainingSymbol.ContainingType;
            if (migration is null
                || !MigrationAttributeValues.TryReadFrom(migration, attributeType, context.CancellationToken, out var values, out _)
                || !values.Transactional)
            {
                return;
            }

            var argument = invocation.Arguments[0].Value.Syntax;
            foreach (var statement in SqlStatementSplitter.Split(sql))
            {
                if (TransactionControl.Is(statement))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.TransactionControlInTransaction, LocationIn(argument, statement.Text), statement.FirstLine, migration.Name));
                }
            }
        }

        /// <summary>The statement's own span inside the string literal when its text appears there once as written; else the whole argument.</summary>
        private static Location LocationIn(SyntaxNode argument, string statement)
        {
            if (argument is LiteralExpressionSyntax literal)
            {
                var text = literal.Token.Text;
                var at = text.IndexOf(statement, System.StringComparison.Ordinal);
                if (at >= 0 && text.IndexOf(statement, at + 1, System.StringComparison.Ordinal) < 0)
                {
                    return Location.Create(argument.SyntaxTree, new TextSpan(literal.Token.SpanStart + at, statement.Length));
                }
            }

            return argument.GetLocation();
        }
    }
}
