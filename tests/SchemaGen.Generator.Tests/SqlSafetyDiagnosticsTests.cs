using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static SchemaGen.Generator.Tests.Sources;
using static SchemaGen.Generator.Tests.Verify;

namespace SchemaGen.Generator.Tests;

/// <summary>SG0302–SG0315 where they are written: the exact span inside each kind of C# string literal, and the line of a .sql file.</summary>
public class SqlSafetyDiagnosticsTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => AnalyzerAsync<Analyzers.SqlSafetyAnalyzer>([source], expected);

    [Fact]
    public Task SG0303_on_the_statement_inside_a_regular_literal_with_escapes() => VerifyAsync(
        File(Migration("""Migration(2, "email_index")""", "EmailIndex", """SELECT '\\t';\n{|#0:CREATE INDEX idx_email ON users|} (email)""")),
        Diagnostic(DiagnosticDescriptorsFor("SG0303"), 0).WithArguments("users"));

    [Fact]
    public Task SG0302_and_SG0307_inside_a_multi_line_raw_literal() => VerifyAsync(
        Usings + """"
        [Migration(3, "tighten")]
        public sealed class Tighten : Migration
        {
            public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
            {
                await context.ExecuteAsync("""
                    ALTER TABLE users
                        {|#0:ALTER COLUMN email SET NOT NULL|};
                    {|#1:VACUUM ANALYZE users|};
                    """, cancellationToken);
            }
        }
        """",
        Diagnostic(DiagnosticDescriptorsFor("SG0307"), 0).WithArguments("email", "users"),
        Diagnostic(DiagnosticDescriptorsFor("SG0302"), 1).WithArguments("VACUUM", "Tighten"));

    [Fact]
    public Task SG0308_inside_a_verbatim_literal_with_doubled_quotes() => VerifyAsync(
        Usings + """
        [Migration(4, "orders_fk")]
        public sealed class OrdersFk : Migration
        {
            public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                => context.ExecuteAsync(@"ALTER TABLE ""Orders"" {|#0:ADD CONSTRAINT ""fk"" FOREIGN KEY (user_id) REFERENCES users (id)|}", cancellationToken);
        }
        """,
        Diagnostic(DiagnosticDescriptorsFor("SG0308"), 0).WithArguments("FOREIGN KEY", "fk", "Orders"));

    [Fact]
    public Task Info_advice_on_a_new_table_and_nothing_else() => VerifyAsync(
        File(Migration("""Migration(1, "users")""", "Users", """CREATE TABLE users ({|#0:id serial PRIMARY KEY|}, {|#1:seen timestamp|}); CREATE INDEX ix ON users (seen)""")),
        Diagnostic(DiagnosticDescriptorsFor("SG0313"), 0).WithArguments("id", "serial").WithSeverity(DiagnosticSeverity.Info),
        Diagnostic(DiagnosticDescriptorsFor("SG0314"), 0).WithArguments("id", "serial").WithSeverity(DiagnosticSeverity.Info),
        Diagnostic(DiagnosticDescriptorsFor("SG0311"), 1).WithArguments("seen").WithSeverity(DiagnosticSeverity.Info));

    [Fact]
    public Task A_rule_can_be_turned_off_in_editorconfig()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<Analyzers.SqlSafetyAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.None };
        test.TestState.Sources.Add(File(Migration("""Migration(2, "email_index")""", "EmailIndex", "CREATE INDEX idx_email ON users (email)")));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.SG0303.severity = none\n"));
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        return test.RunAsync();
    }

    [Fact]
    public void In_a_sql_file_the_finding_is_at_the_statements_line_and_uses_its_transactional_header()
    {
        var (_, diagnostics, _) = GeneratorRun.Generate(
            GeneratorRun.Compile([("Empty.cs", Usings)]),
            ("/app/Migrations/0001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"),
            ("/app/Migrations/0002_email.sql", "-- description: index emails\n\nCREATE INDEX CONCURRENTLY idx ON users (email);\n-- schemagen-disable SG0310\nALTER TABLE users DROP COLUMN legacy;\nALTER TABLE users\n  ALTER COLUMN email TYPE citext;\n"));

        Assert.Equal(
            ["SG0302 0002_email.sql:3:1", "SG0306 0002_email.sql:7:3"],
            diagnostics.Where(d => d.Id.StartsWith("SG03", StringComparison.Ordinal))
                .Select(d => $"{d.Id} {Path.GetFileName(d.Location.GetLineSpan().Path)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}:{d.Location.GetLineSpan().StartLinePosition.Character + 1}")
                .Order());
    }

    private static DiagnosticDescriptor DiagnosticDescriptorsFor(string id)
        => SchemaGen.Generator.Diagnostics.DiagnosticDescriptors.SqlSafety.Single(d => d.Id == id);
}
