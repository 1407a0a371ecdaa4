using System.Collections.Immutable;
using System.Composition;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SchemaGen.Generator.Analyzers;

namespace SchemaGen.CodeFixes
{
    /// <summary>
    /// SG0308: adds the constraint NOT VALID and validates it in a statement of its own, which checks the rows without
    /// blocking writes. That needs its own transaction, so the migration becomes non-transactional. Named constraints only.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NotValidCodeFix)), Shared]
    public sealed class NotValidCodeFix : CodeFixProvider
    {
        private static readonly Regex AlterTable = new Regex(@"^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?<name>[^\s\\]+?)\s*\*?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SG0308");

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var constraint = SqlTextEdit.Argument(diagnostic, 1);
                if (constraint == "(unnamed)"
                    || !SqlTextEdit.TryGetPosition(diagnostic, FixProperty.StatementStart, out var start)
                    || !SqlTextEdit.TryGetPosition(diagnostic, FixProperty.StatementEnd, out var end))
                {
                    continue;
                }

                var prefix = AlterTable.Match(text.ToString(TextSpan.FromBounds(start, diagnostic.Location.SourceSpan.Start)));
                var table = prefix.Success ? prefix.Groups["name"].Value : SqlTextEdit.Identifier(SqlTextEdit.Argument(diagnostic, 2));
                var validate = $"; ALTER TABLE {table} VALIDATE CONSTRAINT {SqlTextEdit.Identifier(constraint)}";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add the constraint NOT VALID, then VALIDATE it in a statement of its own (non-transactional migration)",
                        cancellationToken => FixAsync(context.Document, diagnostic, end, validate, cancellationToken),
                        equivalenceKey: "SG0308"),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, int statementEnd, string validate, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var span = diagnostic.Location.SourceSpan;
            var changes = span.End == statementEnd
                ? new[] { SqlTextEdit.Insert(span.End, " NOT VALID" + validate) }
                : new[] { SqlTextEdit.Insert(span.End, " NOT VALID"), SqlTextEdit.Insert(statementEnd, validate) };
            document = document.WithText(text.WithChanges(changes));
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root is null
                ? document
                : document.WithSyntaxRoot(MigrationAttributeEdit.MakeNonTransactional(root, root.FindNode(new TextSpan(span.Start, 0))));
        }
    }
}
