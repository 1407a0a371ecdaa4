using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static SchemaGen.Generator.Tests.Sources;
using static SchemaGen.Generator.Tests.Verify;

namespace SchemaGen.Generator.Tests;

/// <summary>SG0101–SG0104: the migrations against the committed lock file.</summary>
public class LockFileTests
{
    private const string LockPath = "/0/migrations.lock.json";

    private static readonly string UsersSource = File(Migration("""Migration(1, "users")""", "Users", "CREATE TABLE users (id int)"));
    private static readonly string AuditSource = File(Migration("""Migration(2, "audit_log")""", "AuditLog", "CREATE TABLE audit_logs (id int)"));

    private static readonly string UsersChecksum = CompiledRegistry.Load(UsersSource).Single().Checksum;
    private static readonly string AuditChecksum = CompiledRegistry.Load(AuditSource.Replace("Migration(2,", "Migration(1,")).Single().Checksum;

    private static string Lock(string entries) => $$"""
        {
          "version": 1,
          "migrations": [
        {{entries}}
          ]
        }
        """;

    private static string Entry(int number, string name, string checksum, bool last = false)
        => $$"""    { "number": {{number}}, "name": "{{name}}", "checksum": "{{checksum}}" }{{(last ? "" : ",")}}""";

    private static readonly string RecordedBoth = Lock(Entry(1, "users", UsersChecksum) + "\n" + Entry(2, "audit_log", AuditChecksum, last: true));

    private static Task Check(string[] sources, string lockText, params DiagnosticResult[] expected)
        => LockFileAnalyzerAsync(sources.Select((s, i) => ($"/0/Test{i}.cs", s)).ToArray(), (LockPath, lockText), expected);

    [Fact]
    public Task Matching_code_has_no_diagnostics() => Check([UsersSource, AuditSource], RecordedBoth);

    [Fact]
    public Task No_lock_entries_means_nothing_to_check() => Check([UsersSource], Lock(""));

    [Fact]
    public async Task SG0101_an_edited_recorded_migration_warns_on_the_class_with_both_checksums()
    {
        var edited = UsersSource.Replace("CREATE TABLE users (id int)", "CREATE TABLE users (id bigint)").Replace("class Users", "class {|#0:Users|}");
        var newChecksum = CompiledRegistry.Load(edited.Replace("{|#0:", "").Replace("|}", "")).Single().Checksum;

        await Check([edited, AuditSource], RecordedBoth,
            Diagnostic(SG0101, 0).WithArguments("Users", "001_users", "migrations.lock.json", UsersChecksum, newChecksum));
    }

    [Theory]
    [InlineData("whitespace")]
    [InlineData("comments")]
    [InlineData("crlf")]
    [InlineData("usings")]
    public Task No_SG0101_for_benign_edits(string edit)
    {
        var source = edit switch
        {
            "whitespace" => UsersSource.Replace("    public override", "  public  override").Replace("=> context", "=>\n\n        context"),
            "comments" => UsersSource.Replace("public sealed class", "/// <summary>Users.</summary>\n// note\npublic sealed class"),
            "crlf" => UsersSource.Replace("\n", "\r\n"),
            _ => UsersSource.Replace("using System.Threading;\nusing System.Threading.Tasks;\nusing SchemaGen;", "using SchemaGen;\nusing System.Threading.Tasks;\nusing System.Threading;"),
        };
        return Check([source, AuditSource], RecordedBoth);
    }

    [Fact]
    public Task No_SG0101_for_moving_a_migration_to_another_file()
        => Check([UsersSource + AuditSource.Replace(Usings, "")], RecordedBoth);

    [Fact]
    public Task SG0102_a_deleted_recorded_migration_warns_at_its_lock_file_line()
        => Check([UsersSource],
            Lock(Entry(1, "users", UsersChecksum) + "\n" + "{|#0:" + Entry(2, "audit_log", AuditChecksum, last: true).Trim() + "|}"),
            Diagnostic(SG0102, 0).WithArguments("2", "002_audit_log", ""));

    [Fact]
    public Task SG0102_a_renumbered_recorded_migration_warns_and_says_where_it_went()
        => Check([UsersSource, AuditSource.Replace("Migration(2,", "Migration(3,")],
            Lock(Entry(1, "users", UsersChecksum) + "\n" + "{|#0:" + Entry(2, "audit_log", AuditChecksum, last: true).Trim() + "|}"),
            Diagnostic(SG0102, 0).WithArguments("2", "002_audit_log", " (a migration named 'audit_log' now has number 3)"));

    [Fact]
    public Task SG0103_a_recorded_number_with_a_new_name_warns_on_the_attribute()
        => Check([UsersSource, AuditSource.Replace("""[Migration(2, "audit_log")]""", """[{|#0:Migration(2, "audit_events")|}]""")], RecordedBoth,
            Diagnostic(SG0103, 0).WithArguments("2", "audit_log", "migrations.lock.json", "AuditLog", "audit_events"));

    [Fact]
    public Task SG0104_malformed_json_is_reported_at_the_error_and_nothing_else_is_checked()
        => Check([UsersSource.Replace("(id int)", "(id bigint)")],
            """
            {
              "version": 1,
              "migrations": [
                { "number": 1 {|#0:"|}name": "users" }
              ]
            }
            """,
            Diagnostic(SG0104, 0).WithArguments("it is not valid JSON: ',' or '}' was expected"));

    [Fact]
    public Task SG0104_an_unknown_version_is_reported_at_the_version()
        => Check([UsersSource], """{ "version": {|#0:2|}, "migrations": [] }""",
            Diagnostic(SG0104, 0).WithArguments("its version is 2, and this SchemaGen reads version 1; update the SchemaGen package or record the lock file again"));

    [Fact]
    public Task SG0104_a_number_recorded_twice_is_reported_at_the_second_entry_and_the_first_is_still_checked()
        => Check([UsersSource.Replace("class Users", "class {|#1:Users|}").Replace("(id int)", "(id bigint)")],
            Lock(Entry(1, "users", UsersChecksum) + "\n    {|#0:" + Entry(1, "users", AuditChecksum, last: true).Trim() + "|}"),
            Diagnostic(SG0104, 0).WithArguments("migration number 1 is recorded twice; keep only the entry that matches the code"),
            Diagnostic(SG0101, 1).WithArguments("Users", "001_users", "migrations.lock.json", UsersChecksum, CompiledRegistry.Load(UsersSource.Replace("(id int)", "(id bigint)")).Single().Checksum));

    [Fact]
    public Task SG0104_an_incomplete_entry_is_reported()
        => Check([UsersSource], Lock("    {|#0:{ \"number\": 1, \"name\": \"users\" }|}"),
            Diagnostic(SG0104, 0).WithArguments("an entry needs \"number\" (a whole number from 1), \"name\" (a string) and \"checksum\" (\"sha256:\" or \"v2:sha256:\" and 64 hex digits)"));

    [Fact]
    public async Task SG0101_warnaserror_makes_it_an_error()
    {
        var compilation = GeneratorRun.Compile(("Users.cs", UsersSource.Replace("(id int)", "(id bigint)")));
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("SG0101", ReportDiagnostic.Error)]));
        var lockFile = new InMemoryAdditionalText("migrations.lock.json", Lock(Entry(1, "users", UsersChecksum, last: true)));

        var diagnostics = await compilation
            .WithAnalyzers([new Analyzers.LockFileAnalyzer()], new AnalyzerOptions([lockFile]))
            .GetAnalyzerDiagnosticsAsync();

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SG0101", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default)
            => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    [Fact]
    public Task A_lock_file_at_another_path_is_found_by_its_build_metadata()
        => LockFileAnalyzerAsync(
            [("/0/Test0.cs", UsersSource.Replace("(id int)", "(id bigint)").Replace("class Users", "class {|#0:Users|}"))],
            ("/0/db/released-migrations.json", Lock(Entry(1, "users", UsersChecksum, last: true))),
            [Diagnostic(SG0101, 0).WithArguments(
                "Users", "001_users", "released-migrations.json", UsersChecksum, CompiledRegistry.Load(UsersSource.Replace("(id int)", "(id bigint)")).Single().Checksum)],
            analyzerConfig: ("/.globalconfig", "is_global = true\n\n[/0/db/released-migrations.json]\nbuild_metadata.AdditionalFiles.SchemaGenLockFile = true\n"));
}
