using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
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
        private static readonly SqlFix Fix = new SqlFix(Changes, _ => true);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SG0303", "SG0302");

        public override FixAllProvider GetFixAllProvider() => Fix.FixAll;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!Fix.CanFix(text, diagnostic))
                {
                    continue;
                }

                var title = diagnostic.Id == "SG0303"
                    ? "Build the index CONCURRENTLY in a non-transactional migration"
                    : "Make the migration non-transactional (Transactional = false)";
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => Fix.ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken), equivalenceKey: diagnostic.Id),
                    diagnostic);
            }
        }

        private static IReadOnlyList<TextChange>? Changes(SourceText text, Diagnostic diagnostic)
        {
            if (diagnostic.Id != "SG0303")
            {
                return new TextChange[0];
            }

            var span = diagnostic.Location.SourceSpan;
            var index = text.ToString(span).IndexOf("INDEX", System.StringComparison.OrdinalIgnoreCase);
            return index < 0 ? null : new[] { SqlTextEdit.Insert(span.Start + index + "INDEX".Length, " CONCURRENTLY") };
        }
    }
}
