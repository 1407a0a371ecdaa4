using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SchemaGen.CodeFixes;
using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>
/// SG0001's fix gives the migration that does not keep its number the one the diagnostic suggests. SG0001 comes from the
/// generator, not an analyzer, so the fix is applied here by hand as an IDE does, in a workspace, and the result compiled again.
/// </summary>
public class MigrationNumberCodeFixTests
{
    [Fact]
    public async Task The_fix_gives_the_migration_the_suggested_number_and_the_next_compilation_has_no_SG0001()
    {
        var source = File(
            Migration("""Migration(1, "users")""", "Users"),
            Migration("""Migration(2, "orders")""", "Orders"),
            Migration("""Migration(/* after the merge */ 2, "invoices", Description = "Invoices")""", "Invoices"));

        var fixedSource = await FixAsync(source);

        Assert.Equal(source.Replace("Migration(/* after the merge */ 2,", "Migration(/* after the merge */ 3,"), fixedSource);
        var (_, diagnostics, _) = GeneratorRun.Generate(GeneratorRun.Compile(("Migrations.cs", fixedSource)));
        Assert.DoesNotContain(diagnostics, d => d.Id is "SG0001" or "SG0002");
        Assert.Equal(["001_users", "002_orders", "003_invoices"], CompiledRegistry.Load(fixedSource).Select(m => m.Id));
    }

    [Fact]
    public async Task Fixing_each_of_two_duplicates_in_turn_numbers_them_after_the_highest()
    {
        var source = File(
            Migration("""Migration(1, "users")""", "Users"),
            Migration("""Migration(1, "orders")""", "Orders"),
            Migration("""Migration(1, "invoices")""", "Invoices"));

        var once = await FixAsync(source);
        var twice = await FixAsync(once);

        Assert.Equal(["001_users", "002_orders", "003_invoices"], CompiledRegistry.Load(twice).Select(m => m.Id));
    }

    /// <summary>Compiles <paramref name="source"/>, takes its first SG0001 and applies the fix offered for it.</summary>
    private static async Task<string> FixAsync(string source)
    {
        var (_, diagnostics, _) = GeneratorRun.Generate(GeneratorRun.Compile(("Migrations.cs", source)));
        var diagnostic = diagnostics.First(d => d.Id == "SG0001");
        using var workspace = new AdhocWorkspace();
        var document = workspace.AddProject("Consumer", LanguageNames.CSharp).AddDocument("Migrations.cs", SourceText.From(source));
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);

        await new MigrationNumberCodeFix().RegisterCodeFixesAsync(context);

        var action = Assert.Single(actions);
        var operation = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var fixedDocument = operation.ChangedSolution.GetDocument(document.Id)!;
        return (await fixedDocument.GetTextAsync()).ToString();
    }
}
