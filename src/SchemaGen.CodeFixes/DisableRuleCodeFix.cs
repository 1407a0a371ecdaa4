using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SchemaGen.Generator.Analyzers;

namespace SchemaGen.CodeFixes
{
    /// <summary>Turns one SQL safety rule off for one statement with a <c>/* schemagen-disable SGxxxx */</c> comment before it.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DisableRuleCodeFix)), Shared]
    public sealed class DisableRuleCodeFix : CodeFixProvider
    {
        private static readonly SqlFix Fix = new SqlFix(Changes, _ => false);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            "SG0303", "SG0304", "SG0305", "SG0306", "SG0307", "SG0308", "SG0309", "SG0310", "SG0311", "SG0312", "SG0313", "SG0314", "SG0315", "SG0316");

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
                        $"Disable {diagnostic.Id} for this statement (/* schemagen-disable {diagnostic.Id} */)",
                        cancellationToken => Fix.ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                        equivalenceKey: "disable-" + diagnostic.Id),
                    diagnostic);
            }
        }

        private static IReadOnlyList<TextChange>? Changes(SourceText text, Diagnostic diagnostic)
            => SqlTextEdit.TryGetPosition(diagnostic, FixProperty.StatementStart, out var start)
                ? new[] { SqlTextEdit.Insert(start, $"/* schemagen-disable {diagnostic.Id} */ ") }
                : null;
    }
}
