using static SchemaGen.Generator.Tests.Sources;
using static SchemaGen.Generator.Tests.Verify;

namespace SchemaGen.Generator.Tests;

/// <summary>SG0001, SG0002 and duplicate-name SG0005: the checks that need every migration at once.</summary>
public class RegistryDiagnosticsTests
{
    [Fact]
    public Task A_valid_set_has_no_diagnostics() => GeneratorAsync(
        [File(Migration("""Migration(1, "users")""", "Users"), Migration("""Migration(2, "audit_log")""", "AuditLog"))]);

    [Fact]
    public Task SG0001_duplicate_number_is_reported_on_the_later_migration_naming_both() => GeneratorAsync(
        [File(
            Migration("""Migration(1, "users")""", "Users"),
            Migration("""Migration(2, "audit_log")""", "AuditLog"),
            Migration("""{|#0:Migration(2, "audit_index")|}""", "AuditIndex"))],
        Diagnostic(SG0001, 0).WithArguments("2", "AuditLog", "AuditIndex", "3"));

    [Fact]
    public Task SG0001_three_migrations_on_one_number_report_each_after_the_first_with_distinct_suggestions() => GeneratorAsync(
        [File(
            Migration("""Migration(1, "a")""", "A"),
            Migration("""{|#0:Migration(1, "b")|}""", "B"),
            Migration("""{|#1:Migration(1, "c")|}""", "C"))],
        Diagnostic(SG0001, 0).WithArguments("1", "A", "B", "2"),
        Diagnostic(SG0001, 1).WithArguments("1", "A", "C", "3"));

    [Fact]
    public Task SG0001_duplicates_across_files_name_the_first_file_as_owner() => GeneratorAsync(
        [
            File(Migration("""Migration(1, "users")""", "Users")),
            File(Migration("""{|#0:Migration(1, "audit_log")|}""", "AuditLog")),
        ],
        Diagnostic(SG0001, 0).WithArguments("1", "Users", "AuditLog", "2"));

    [Fact]
    public Task SG0002_a_skipped_number_is_reported_on_the_first_migration_after_the_gap() => GeneratorAsync(
        [File(
            Migration("""Migration(1, "users")""", "Users"),
            Migration("""{|#0:Migration(3, "audit_log")|}""", "AuditLog"))],
        Diagnostic(SG0002, 0).WithArguments("number 2", "AuditLog", "3", "2"));

    [Fact]
    public Task SG0002_numbers_must_start_at_one() => GeneratorAsync(
        [File(
            Migration("""{|#0:Migration(4, "users")|}""", "Users"),
            Migration("""Migration(5, "audit_log")""", "AuditLog"))],
        Diagnostic(SG0002, 0).WithArguments("numbers 1 to 3", "Users", "4", "1"));

    [Fact]
    public Task SG0002_each_gap_is_reported_once() => GeneratorAsync(
        [File(
            Migration("""Migration(1, "a")""", "A"),
            Migration("""{|#0:Migration(3, "c")|}""", "C"),
            Migration("""{|#1:Migration(7, "g")|}""", "G"))],
        Diagnostic(SG0002, 0).WithArguments("number 2", "C", "3", "2"),
        Diagnostic(SG0002, 1).WithArguments("numbers 4 to 6", "G", "7", "4"));

    [Fact]
    public Task SG0005_a_name_used_twice_is_reported_on_the_later_migration() => GeneratorAsync(
        [File(
            Migration("""Migration(1, "users")""", "Users"),
            Migration("""{|#0:Migration(2, "users")|}""", "MoreUsers"))],
        Diagnostic(SG0005, 0).WithArguments("MoreUsers", "'users' is also the name of 'Users'; give 'MoreUsers' a name no other migration uses"));

    [Fact]
    public Task SG0001_pragma_disables_a_generator_diagnostic() => GeneratorAsync(
        [File(
            Migration("""Migration(1, "users")""", "Users"),
            "#pragma warning disable SG0001\n",
            Migration("""Migration(1, "audit_log")""", "AuditLog"))]);
}
