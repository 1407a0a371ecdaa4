using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace SchemaGen.CodeFixes
{
    /// <summary>
    /// What a SQL safety fix does to one diagnostic: text inserted into the SQL at the positions the diagnostic carries, and
    /// whether its migration must become non-transactional.
    /// </summary>
    internal sealed class SqlFix
    {
        private readonly Func<SourceText, Diagnostic, IReadOnlyList<TextChange>?> _changes;
        private readonly Func<Diagnostic, bool> _makesNonTransactional;

        /// <param name="changes">The insertions for a diagnostic, in the document's text; null when it cannot be fixed.</param>
        /// <param name="makesNonTransactional">Whether the diagnostic's migration gets <c>Transactional = false</c>.</param>
        public SqlFix(Func<SourceText, Diagnostic, IReadOnlyList<TextChange>?> changes, Func<Diagnostic, bool> makesNonTransactional)
        {
            _changes = changes;
            _makesNonTransactional = makesNonTransactional;
        }

        /// <summary>Fix all in a document, project or solution: every diagnostic's insertions at once, then each migration's attribute once.</summary>
        public FixAllProvider FixAll => FixAllProvider.Create((context, document, diagnostics) => ApplyAsync(document, diagnostics, context.CancellationToken)!);

        public bool CanFix(SourceText text, Diagnostic diagnostic) => _changes(text, diagnostic) is not null;

        /// <summary>
        /// Applies the fix for <paramref name="diagnostics"/>. The insertions all go in against the original text (the same one
        /// twice only once); the attributes are then found again by where their diagnostics moved to, and all edited in one pass.
        /// </summary>
        public async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changes = new List<TextChange>();
            var insideMigrations = new List<int>();
            foreach (var diagnostic in diagnostics)
            {
                if (_changes(text, diagnostic) is not { } inserted)
                {
                    continue;
                }

                changes.AddRange(inserted);
                if (_makesNonTransactional(diagnostic))
                {
                    insideMigrations.Add(diagnostic.Location.SourceSpan.Start);
                }
            }

            // Two insertions at one position become one, in diagnostic order, as TextChanges may not overlap.
            var merged = changes.Distinct()
                .GroupBy(change => change.Span.Start)
                .OrderBy(group => group.Key)
                .Select(group => new TextChange(new TextSpan(group.Key, 0), string.Concat(group.Select(change => change.NewText))))
                .ToList();
            document = document.WithText(text.WithChanges(merged));
            if (insideMigrations.Count == 0)
            {
                return document;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var attributes = insideMigrations
                .Select(position => MigrationAttributeEdit.Find(root.FindNode(new TextSpan(Moved(position, merged), 0))))
                .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>()
                .Distinct()
                .ToList();
            return document.WithSyntaxRoot(root.ReplaceNodes(attributes, (_, rewritten) => MigrationAttributeEdit.NonTransactional(rewritten)));
        }

        /// <summary>Where a position of the original text is after the insertions before it.</summary>
        private static int Moved(int position, List<TextChange> insertions)
            => position + insertions.Where(change => change.Span.Start < position).Sum(change => change.NewText!.Length);
    }
}
