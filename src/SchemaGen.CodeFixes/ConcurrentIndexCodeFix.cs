using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace SchemaGen.CodeFixes
{
    /// <summary>
    /// SG0303: adds CONCURRENTLY to the CREATE INDEX and makes the migration non-transactional (CONCURRENTLY needs it).
    /// SG0302: makes the migration non-transactional.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConcurrentIndexCodeFix)), Shared]
    public sealed class ConcurrentIndexCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SG0303", "SG0302");

        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var title = diagnostic.Id == "SG0303"
                    ? "Build the index CONCURRENTLY in a non-transactional migration"
                    : "Make the migration non-transactional (Transactional = false)";
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => FixAsync(context.Document, diagnostic, cancellationToken), equivalenceKey: diagnostic.Id),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var span = diagnostic.Location.SourceSpan;
            if (diagnostic.Id == "SG0303")
            {
                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var index = text.ToString(span).IndexOf("INDEX", System.StringComparison.OrdinalIgnoreCase);
                if (index < 0)
                {
                    return document;
                }

                document = document.WithText(text.WithChanges(SqlTextEdit.Insert(span.Start + index + "INDEX".Length, " CONCURRENTLY")));
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var node = root.FindNode(new TextSpan(span.Start, 0));
            return document.WithSyntaxRoot(MigrationAttributeEdit.MakeNonTransactional(root, node));
        }
    }
}
