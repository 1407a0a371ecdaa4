using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Text.RegularExpressions;
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

        private static readonly SqlFix Fix = new SqlFix(Changes, _ => true);

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

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add the constraint NOT VALID, then VALIDATE it in a statement of its own (non-transactional migration)",
                        cancellationToken => Fix.ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                        equivalenceKey: "SG0308"),
                    diagnostic);
            }
        }

        private static IReadOnlyList<TextChange>? Changes(SourceText text, Diagnostic diagnostic)
        {
            var constraint = SqlTextEdit.Argument(diagnostic, 1);
            if (constraint == "(unnamed)"
                || !SqlTextEdit.TryGetPosition(diagnostic, FixProperty.StatementStart, out var start)
                || !SqlTextEdit.TryGetPosition(diagnostic, FixProperty.StatementEnd, out var end))
            {
                return null;
            }

            var span = diagnostic.Location.SourceSpan;
            var prefix = AlterTable.Match(text.ToString(TextSpan.FromBounds(start, span.Start)));
            var table = prefix.Success ? prefix.Groups["name"].Value : SqlTextEdit.Identifier(SqlTextEdit.Argument(diagnostic, 2));
            var validate = $"; ALTER TABLE {table} VALIDATE CONSTRAINT {SqlTextEdit.Identifier(constraint)}";
            return span.End == end
                ? new[] { SqlTextEdit.Insert(span.End, " NOT VALID" + validate) }
                : new[] { SqlTextEdit.Insert(span.End, " NOT VALID"), SqlTextEdit.Insert(end, validate) };
        }
    }
}
