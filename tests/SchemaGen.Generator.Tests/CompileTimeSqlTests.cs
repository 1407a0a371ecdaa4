using Microsoft.CodeAnalysis.CSharp;
using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>
/// The SQL a C# migration sends, read at compile time when its UpAsync only passes constants to ExecuteAsync (what the script
/// verb prints), and null whenever it does anything else.
/// </summary>
public class CompileTimeSqlTests
{
    private static string? SqlOf(string upAsync, string extra = "")
    {
        var source = Usings + $$"""
            [Migration(1, "users")]
            public sealed class Users : Migration
            {
            {{upAsync}}
            }
            {{extra}}
            """;
        return Assert.Single(CompiledRegistry.Load(source)).CompileTimeSql;
    }

    [Fact]
    public void An_expression_bodied_call_gives_its_SQL_ending_in_a_semicolon()
        => Assert.Equal("CREATE TABLE users (id int);\n", SqlOf("""
            public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                => context.ExecuteAsync("CREATE TABLE users (id int)", cancellationToken);
            """));

    [Fact]
    public void Awaited_calls_in_order_with_log_lines_counts_and_ConfigureAwait_give_each_call_s_SQL()
        => Assert.Equal("CREATE TABLE a (id int);\nCREATE INDEX a_id ON a (id); INSERT INTO a VALUES (1);\n", SqlOf("""
            public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
            {
                context.LogInformation("Creating a");
                await context.ExecuteAsync("CREATE TABLE a (id int);", cancellationToken);
                context.Count(tablesCreated: 1);
                await context.ExecuteAsync(sql: "CREATE INDEX a_id ON a (id); " + "INSERT INTO a VALUES (1)", cancellationToken).ConfigureAwait(false);
                return;
            }
            """));

    [Fact]
    public void A_constant_declared_elsewhere_and_a_raw_string_are_read_through_the_compiler()
        => Assert.Equal("CREATE TABLE users (id int);\nSELECT 1;\n", SqlOf(
            """"
            public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
            {
                await context.ExecuteAsync(Ddl.Users, cancellationToken);
                await context.ExecuteAsync("""
                    SELECT 1
                    """, cancellationToken);
            }
            """",
            """public static class Ddl { public const string Users = "CREATE TABLE users " + "(id int)"; }"""));

    [Fact]
    public void A_trailing_line_comment_keeps_the_semicolon_out_of_it()
        => Assert.Equal("CREATE TABLE a (id int); -- the first table\nCREATE TABLE b (id int);\n", SqlOf("""
            public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
            {
                await context.ExecuteAsync("CREATE TABLE a (id int) -- the first table\n", cancellationToken);
                await context.ExecuteAsync("CREATE TABLE b (id int)", cancellationToken);
            }
            """));

    [Theory]
    [InlineData("var table = \"users\"; await context.ExecuteAsync($\"CREATE TABLE {table} (id int)\", cancellationToken);")]
    [InlineData("await context.ExecuteAsync(Sql(), cancellationToken);")]
    [InlineData("await context.AutoSchemaAsync(new SchemaGen.Schema.SchemaModel([]), cancellationToken);")]
    [InlineData("await using var command = context.CreateCommand(\"INSERT INTO users VALUES ($1)\"); await command.ExecuteNonQueryAsync(cancellationToken);")]
    [InlineData("if (cancellationToken.CanBeCanceled) { await context.ExecuteAsync(\"SELECT 1\", cancellationToken); }")]
    [InlineData("for (var i = 0; i < 2; i++) { await context.ExecuteAsync(\"SELECT 1\", cancellationToken); }")]
    [InlineData("await Task.Delay(1, cancellationToken); await context.ExecuteAsync(\"SELECT 1\", cancellationToken);")]
    [InlineData("return; await context.ExecuteAsync(\"SELECT 1\", cancellationToken);")]
    public void Anything_but_constant_SQL_leaves_it_unknown(string body)
        => Assert.Null(SqlOf($$"""
            public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
            {
                {{body}}
            }

            private static string Sql() => "SELECT 1";
            """));

    [Fact]
    public void A_migration_that_runs_nothing_has_empty_SQL()
        => Assert.Equal("", SqlOf("""
            public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
            {
                context.LogInformation("nothing to do in this one");
                await context.ExecuteAsync("-- only a comment", cancellationToken);
            }
            """));

    [Fact]
    public void A_SQL_file_s_compile_time_SQL_is_its_text()
    {
        var migration = Assert.Single(CompiledRegistry.Load([], [("/app/Migrations/0001_users.sql", "-- description: Users\nCREATE TABLE users (id int);\n")]));
        Assert.Equal("-- description: Users\nCREATE TABLE users (id int);\n", migration.CompileTimeSql);
    }

    [Fact]
    public void An_edited_constant_in_another_file_changes_the_SQL_though_the_migration_s_file_is_unchanged()
    {
        var migration = ("Users.cs", Usings + """
            [Migration(1, "users")]
            public sealed class Users : Migration
            {
                public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                    => context.ExecuteAsync(Ddl.Users, cancellationToken);
            }
            """);
        var compilation = GeneratorRun.Compile(migration, ("Ddl.cs", """public static class Ddl { public const string Users = "CREATE TABLE users (id int)"; }"""));
        var driver = GeneratorRun.CreateDriver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(tree => tree.FilePath == "Ddl.cs"),
            CSharpSyntaxTree.ParseText("""public static class Ddl { public const string Users = "CREATE TABLE users (id bigint)"; }""", GeneratorRun.ParseOptions, "Ddl.cs"));

        var second = driver.RunGenerators(edited).GetRunResult();

        Assert.Contains("\"CREATE TABLE users (id bigint);\\n\"", CompiledRegistry.Source(second, "SchemaGen.MigrationRegistry.g.cs"));
    }
}
