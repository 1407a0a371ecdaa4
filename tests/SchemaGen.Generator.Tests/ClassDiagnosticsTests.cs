using static SchemaGen.Generator.Tests.Sources;
using static SchemaGen.Generator.Tests.Verify;

namespace SchemaGen.Generator.Tests;

/// <summary>SG0003, SG0004 and SG0005 (format): problems of one class alone, reported by the analyzer.</summary>
public class ClassDiagnosticsTests
{
    private const string Body = """
        {
            public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """;

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public Task SG0003_number_below_one(int number) => AnalyzerAsync(
        File(Migration($$"""{|#0:Migration({{number}}, "users")|}""", "Users")),
        Diagnostic(SG0003, 0).WithArguments("Users", number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public Task SG0004_class_not_deriving_from_Migration() => AnalyzerAsync(
        Usings + """
        [{|#0:Migration(1, "users")|}]
        public sealed class Users { }
        """,
        Diagnostic(SG0004, 0).WithArguments("Users", "it does not derive from SchemaGen.Migration; derive it from SchemaGen.Migration or remove [Migration]"));

    [Fact]
    public Task SG0004_abstract_class() => AnalyzerAsync(
        Usings + $$"""
        [{|#0:Migration(1, "users")|}]
        public abstract class Users : Migration {{Body}}
        """,
        Diagnostic(SG0004, 0).WithArguments("Users", "it is abstract; make it a concrete class, or move [Migration] to a concrete class deriving from it"));

    [Fact]
    public Task SG0004_generic_class() => AnalyzerAsync(
        Usings + $$"""
        [{|#0:Migration(1, "users")|}]
        public sealed class Users<T> : Migration {{Body}}
        """,
        Diagnostic(SG0004, 0).WithArguments("Users", "it is generic; give it no type parameters"));

    [Fact]
    public Task SG0004_class_nested_in_a_generic_type() => AnalyzerAsync(
        Usings + $$"""
        public static class Outer<T>
        {
            [{|#0:Migration(1, "users")|}]
            public sealed class Users : Migration {{Body}}
        }
        """,
        Diagnostic(SG0004, 0).WithArguments("Users", "it is nested in the generic type 'Outer'; move it out of that type"));

    [Fact]
    public Task SG0004_private_constructor_only() => AnalyzerAsync(
        Usings + """
        [{|#0:Migration(1, "users")|}]
        public sealed class Users : Migration
        {
            private Users() { }
            public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """,
        Diagnostic(SG0004, 0).WithArguments("Users", "it has no public or internal parameterless constructor; add one, and take what the migration needs from the MigrationContext"));

    [Fact]
    public Task SG0004_constructor_with_parameters_only() => AnalyzerAsync(
        Usings + """
        [{|#0:Migration(1, "users")|}]
        public sealed class Users : Migration
        {
            public Users(string table) { }
            public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """,
        Diagnostic(SG0004, 0).WithArguments("Users", "it has no public or internal parameterless constructor; add one, and take what the migration needs from the MigrationContext"));

    [Fact]
    public Task SG0004_private_nested_class() => AnalyzerAsync(
        Usings + $$"""
        public static class Outer
        {
            [{|#0:Migration(1, "users")|}]
            private sealed class Users : Migration {{Body}}
        }
        """,
        Diagnostic(SG0004, 0).WithArguments("Users", "it is not accessible from the generated registry in the same assembly; make it (and any type containing it) public or internal"));

    [Fact]
    public Task SG0004_file_local_class() => AnalyzerAsync(
        Usings + $$"""
        [{|#0:Migration(1, "users")|}]
        file sealed class Users : Migration {{Body}}
        """,
        Diagnostic(SG0004, 0).WithArguments("Users", "it is not accessible from the generated registry in the same assembly; make it (and any type containing it) public or internal"));

    [Fact]
    public Task No_SG0004_for_an_internal_class_nested_in_a_public_class() => AnalyzerAsync(
        Usings + $$"""
        public static class Outer
        {
            [Migration(1, "users")]
            internal sealed class Users : Migration {{Body}}
        }
        """);

    [Theory]
    [InlineData("AuditLog", "'AuditLog' is not snake_case (^[a-z][a-z0-9_]*$); name it 'audit_log'")]
    [InlineData("IPAddress log", "'IPAddress log' is not snake_case (^[a-z][a-z0-9_]*$); name it 'ip_address_log'")]
    [InlineData("audit-log", "'audit-log' is not snake_case (^[a-z][a-z0-9_]*$); name it 'audit_log'")]
    [InlineData("1_users", "'1_users' is not snake_case (^[a-z][a-z0-9_]*$); use lowercase letters, digits and '_', starting with a letter")]
    [InlineData("", "the name is empty; give it a snake_case name such as 'audit_log'")]
    public Task SG0005_name_not_snake_case(string name, string reason) => AnalyzerAsync(
        File(Migration($$"""{|#0:Migration(1, "{{name}}")|}""", "Users")),
        Diagnostic(SG0005, 0).WithArguments("Users", reason));

    [Fact]
    public Task SG0005_null_name_is_reported_as_empty() => AnalyzerAsync(
        File(Migration("""{|#0:Migration(1, null!)|}""", "Users")),
        Diagnostic(SG0005, 0).WithArguments("Users", "the name is empty; give it a snake_case name such as 'audit_log'"));

    [Fact]
    public Task SG0005_name_too_long_for_the_ledger() => AnalyzerAsync(
        File(Migration($$"""{|#0:Migration(1, "{{new string('a', 241)}}")|}""", "Users")),
        Diagnostic(SG0005, 0).WithArguments("Users", "it is 241 characters long, but the ledger keeps ids (number, '_', name) of at most 255 characters; shorten it to 240 or fewer"));

    [Fact]
    public Task SG0005_longest_name_the_ledger_keeps_is_fine() => AnalyzerAsync(
        File(Migration($$"""Migration(1, "{{new string('a', 240)}}")""", "Users")));

    [Fact]
    public Task SG0006_description_with_a_nul_character() => AnalyzerAsync(
        File(Migration("""{|#0:Migration(1, "users", Description = "Add\0users")|}""", "Users")),
        Diagnostic(SG0006, 0).WithArguments("Users"));
}
