using static SchemaGen.Generator.Tests.Sources;
using static SchemaGen.Generator.Tests.Verify;

namespace SchemaGen.Generator.Tests;

/// <summary>SG0301: constant SQL that would end a transactional migration's transaction, on the statement's own span.</summary>
public class TransactionControlDiagnosticsTests
{
    private static Task VerifyAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => AnalyzerAsync<Analyzers.SqlSafetyAnalyzer>([source], expected);

    [Theory]
    [InlineData("COMMIT")]
    [InlineData("commit and chain")]
    [InlineData("ROLLBACK")]
    [InlineData("END")]
    [InlineData("BEGIN")]
    public Task SG0301_on_the_statement_inside_the_literal(string control) => VerifyAsync(
        File(Migration("""Migration(1, "users")""", "Users", $$"""CREATE TABLE a (id int); {|#0:{{control}}|}; CREATE TABLE b (id int)""")),
        Diagnostic(SG0301, 0).WithArguments(control, "Users"));

    [Fact]
    public Task SG0301_through_a_constant_and_in_a_verbatim_string() => VerifyAsync(
        Usings + """
        [Migration(1, "users")]
        public sealed class Users : Migration
        {
            private const string Sql = "CREATE TABLE a (id int); COMMIT";

            public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
            {
                await context.ExecuteAsync({|#0:Sql|}, cancellationToken);
                await context.ExecuteAsync(@"CREATE TABLE b (id int);
                    {|#1:ROLLBACK|}", cancellationToken);
            }
        }
        """,
        Diagnostic(SG0301, 0).WithArguments("COMMIT", "Users"),
        Diagnostic(SG0301, 1).WithArguments("ROLLBACK", "Users"));

    [Theory]
    [InlineData("SAVEPOINT s; ROLLBACK TO SAVEPOINT s")]
    [InlineData("SELECT 'COMMIT'")]
    [InlineData("-- COMMIT\\nSELECT 1")]
    [InlineData("DO $fn$ BEGIN PERFORM 1; END $fn$")] // not $$: the test markup reads it as a caret
    [InlineData("UPDATE t SET \\\"end\\\" = 1")]
    public Task No_SG0301_for_what_stays_inside_the_transaction(string sql) => VerifyAsync(
        File(Migration("""Migration(1, "users")""", "Users", sql)));

    [Fact]
    public Task No_SG0301_in_a_non_transactional_migration() => VerifyAsync(
        File(Migration("""Migration(1, "users", Transactional = false)""", "Users", "CREATE TABLE a (id int); COMMIT")));
}
