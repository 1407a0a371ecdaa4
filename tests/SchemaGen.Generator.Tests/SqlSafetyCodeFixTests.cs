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

    [Fact]
    public Task SG0303_fix_all_fixes_every_index_and_each_migration_attribute_once() => FixAsync<ConcurrentIndexCodeFix>(
        File(
            Migration("""Migration(2, "indexes")""", "Indexes", "{|SG0303:CREATE INDEX a ON users|} (a); {|SG0303:CREATE UNIQUE INDEX b ON users|} (b)"),
            Migration("""Migration(3, "more_indexes", Transactional = true)""", "MoreIndexes", "{|SG0303:CREATE INDEX c ON orders|} (c)")),
        File(
            Migration("""Migration(2, "indexes", Transactional = false)""", "Indexes", "CREATE INDEX CONCURRENTLY a ON users (a); CREATE UNIQUE INDEX CONCURRENTLY b ON users (b)"),
            Migration("""Migration(3, "more_indexes", Transactional = false)""", "MoreIndexes", "CREATE INDEX CONCURRENTLY c ON orders (c)")),
        iterations: 3);

    [Fact]
    public Task SG0308_fix_all_validates_each_constraint_in_its_own_statement() => FixAsync<NotValidCodeFix>(
        File(Migration("""Migration(3, "fks")""", "Fks",
            "ALTER TABLE orders {|SG0308:ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)|}; " +
            "ALTER TABLE items {|SG0308:ADD CONSTRAINT items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)|}")),
        File(Migration("""Migration(3, "fks", Transactional = false)""", "Fks",
            "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID; ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk; " +
            "ALTER TABLE items ADD CONSTRAINT items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID; ALTER TABLE items VALIDATE CONSTRAINT items_order_fk")),
        iterations: 2);

    [Fact]
    public Task Disable_fix_all_comments_every_statement_of_that_rule() => FixAsync<DisableRuleCodeFix>(
        File(Migration("""Migration(4, "drops")""", "Drops", "ALTER TABLE users {|SG0310:DROP COLUMN a|}; ALTER TABLE orders {|SG0310:DROP COLUMN b|}")),
        File(Migration("""Migration(4, "drops")""", "Drops", "/* schemagen-disable SG0310 */ ALTER TABLE users DROP COLUMN a; /* schemagen-disable SG0310 */ ALTER TABLE orders DROP COLUMN b")),
        iterations: 2);

    /// <summary>Applies the fix one diagnostic at a time, and through its fix-all in a document, a project and a solution: each must give <paramref name="fixedSource"/>.</summary>
    private static async Task FixAsync<TFix>(string source, string fixedSource, int iterations = 1)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<Analyzers.SqlSafetyAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = source,
            FixedCode = fixedSource,
            NumberOfIncrementalIterations = iterations,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        await test.RunAsync();
    }
}
