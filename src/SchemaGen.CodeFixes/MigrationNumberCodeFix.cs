using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaGen.Generator.Analyzers;

namespace SchemaGen.CodeFixes
{
    /// <summary>
    /// SG0001: gives the migration that does not keep its number the free number the diagnostic suggests (after the highest in
    /// use), in its <c>[Migration]</c> attribute. A SQL file is renamed with the <c>renumber</c> verb, which also does this for
    /// every unreleased migration at once.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MigrationNumberCodeFix)), Shared]
    public sealed class MigrationNumberCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SG0001");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(FixProperty.FreeNumber, out var free) || !int.TryParse(free, out var number)
                    || NumberOf(root, diagnostic) is not { } literal)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Give the migration the number {free}",
                        cancellationToken => RenumberAsync(context.Document, literal, number, cancellationToken),
                        equivalenceKey: "SG0001"),
                    diagnostic);
            }
        }

        /// <summary>The number literal that opens the <c>[Migration]</c> attribute the diagnostic is on.</summary>
        private static LiteralExpressionSyntax? NumberOf(SyntaxNode? root, Diagnostic diagnostic)
            => root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault()
                is { ArgumentList.Arguments: { Count: > 0 } arguments } && arguments[0].Expression is LiteralExpressionSyntax literal
                && literal.IsKind(SyntaxKind.NumericLiteralExpression)
                ? literal
                : null;

        private static async Task<Document> RenumberAsync(Document document, LiteralExpressionSyntax literal, int number, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var renumbered = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(number)).WithTriviaFrom(literal);
            return document.WithSyntaxRoot(root!.ReplaceNode(literal, renumbered));
        }
    }
}
