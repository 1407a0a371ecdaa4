using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SchemaGen.Generator.Analyzers;

namespace SchemaGen.CodeFixes
{
    /// <summary>Turns one SQL safety rule off for one statement with a <c>/* schemagen-disable SGxxxx */</c> comment before it.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DisableRuleCodeFix)), Shared]
    public sealed class DisableRuleCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            "SG0303", "SG0304", "SG0305", "SG0306", "SG0307", "SG0308", "SG0309", "SG0310", "SG0311", "SG0312", "SG0313", "SG0314", "SG0315");

        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!SqlTextEdit.TryGetPosition(diagnostic, FixProperty.StatementStart, out var start))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Disable {diagnostic.Id} for this statement (/* schemagen-disable {diagnostic.Id} */)",
                        async cancellationToken =>
                        {
                            var text = await context.Document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                            return context.Document.WithText(text.WithChanges(SqlTextEdit.Insert(start, $"/* schemagen-disable {diagnostic.Id} */ ")));
                        },
                        equivalenceKey: "disable-" + diagnostic.Id),
                    diagnostic);
            }

            return Task.CompletedTask;
        }
    }
}
