using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SchemaGen.CodeFixes;
using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>The mechanical fixes: CONCURRENTLY with Transactional = false, NOT VALID with a VALIDATE statement, and a disable comment.</summary>
public class SqlSafetyCodeFixTests
{
    [Fact]
    public Task SG0303_fix_adds_CONCURRENTLY_and_makes_the_migration_non_transactional() => FixAsync<ConcurrentIndexCodeFix>(
        File(Migration("""Migration(2, "email_index", Description = "Index emails")""", "EmailIndex", "SELECT 1; {|SG0303:CREATE INDEX idx_email ON users|} (email)")),
        File(Migration("""Migration(2, "email_index", Description = "Index emails", Transactional = false)""", "EmailIndex", "SELECT 1; CREATE INDEX CONCURRENTLY idx_email ON users (email)")));

    [Fact]
    public Task SG0302_fix_turns_an_existing_Transactional_true_into_false() => FixAsync<ConcurrentIndexCodeFix>(
        File(Migration("""Migration(2, "email_index", Transactional = true)""", "EmailIndex", "{|SG0302:CREATE INDEX CONCURRENTLY idx_email ON users (email)|}")),
        File(Migration("""Migration(2, "email_index", Transactional = false)""", "EmailIndex", "CREATE INDEX CONCURRENTLY idx_email ON users (email)")));

    [Fact]
    public Task SG0308_fix_adds_NOT_VALID_and_a_VALIDATE_statement() => FixAsync<NotValidCodeFix>(
        File(Migration("""Migration(3, "orders_fk")""", "OrdersFk",
            "ALTER TABLE app.orders {|SG0308:ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)|}; SELECT 1")),
        File(Migration("""Migration(3, "orders_fk", Transactional = false)""", "OrdersFk",
            "ALTER TABLE app.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID; ALTER TABLE app.orders VALIDATE CONSTRAINT orders_user_fk; SELECT 1")));

    [Fact]
    public Task Disable_fix_puts_a_comment_before_the_statement() => FixAsync<DisableRuleCodeFix>(
        File(Migration("""Migration(4, "drop_legacy")""", "DropLegacy", "SELECT 1; ALTER TABLE users {|SG0310:DROP COLUMN legacy|}")),
        File(Migration("""Migration(4, "drop_legacy")""", "DropLegacy", "SELECT 1; /* schemagen-disable SG0310 */ ALTER TABLE users DROP COLUMN legacy")));

    private static async Task FixAsync<TFix>(string source, string fixedSource)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<Analyzers.SqlSafetyAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        await test.RunAsync();
    }
}
