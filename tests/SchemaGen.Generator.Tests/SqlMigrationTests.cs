using Microsoft.CodeAnalysis;
using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>.sql files in the migrations folder: embedded in the registry, numbered with the C# migrations, checked the same way.</summary>
public class SqlMigrationTests
{
    private const string Users = "CREATE TABLE users (id int);\nINSERT INTO users VALUES (1);\n";

    [Fact]
    public void Sql_files_and_classes_form_one_registry_with_the_sql_embedded()
    {
        var registry = CompiledRegistry.Load(
            [("Migrations/AddIndex.cs", File(Migration("""Migration(2, "add_index")""", "AddIndex")))],
            [
                ("/app/Migrations/0001_create_users.sql", "-- description: Create the users table\n" + Users),
                ("/app/Migrations/sub/0003_email_index.sql", "-- Builds the index without blocking writes.\n-- transactional: false\nCREATE INDEX CONCURRENTLY idx ON users (id);\n"),
            ]);

        Assert.Equal(["001_create_users", "002_add_index", "003_email_index"], registry.Select(m => m.Id));
        Assert.Equal("Create the users table", registry[0].Description);
        Assert.Equal([true, true, false], registry.Select(m => m.Transactional));
        Assert.IsType<SqlMigration>(registry[0].CreateInstance());
        Assert.Equal(SchemaGen.SqlParsing.SqlChecksum.Compute("-- description: Create the users table\n" + Users, transactional: true), registry[0].Checksum);
        Assert.Equal("", registry[2].Description);
    }

    [Fact]
    public void The_sql_is_embedded_exactly_quotes_backslashes_and_line_endings_included()
    {
        const string sql = "-- \"quoted\" \\ back\r\nINSERT INTO t VALUES ('it''s', E'\\n', $$x\"y$$);\r\n";

        var generated = GeneratedRegistry([("/app/Migrations/0001_odd.sql", sql)]);

        Assert.Contains("new global::SchemaGen.SqlMigration(" + Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(sql, quote: true) + ")", generated);
    }

    [Theory]
    [InlineData("-- a comment that changes\nCREATE TABLE users (id int);", "-- another comment\nCREATE   TABLE\r\n  users(id  int)  ;")]
    [InlineData("/* block */ SELECT 1", "SELECT /* moved */ 1")]
    public void Comments_whitespace_and_line_endings_leave_the_checksum_as_it_is(string first, string second)
        => Assert.Equal(Checksum(first), Checksum(second));

    [Theory]
    [InlineData("INSERT INTO t VALUES ('a')", "INSERT INTO t VALUES ('b')")]
    [InlineData("CREATE TABLE users (id int)", "CREATE TABLE accounts (id int)")]
    [InlineData("CREATE TABLE users (id int)", "CREATE TABLE users (id bigint)")]
    [InlineData("SELECT 1", "SELECT 2")]
    [InlineData("SELECT 'a b'", "SELECT 'a  b'")]
    [InlineData("SELECT \"A\"", "SELECT \"a\"")]
    public void A_changed_literal_identifier_or_keyword_changes_the_checksum(string first, string second)
        => Assert.NotEqual(Checksum(first), Checksum(second));

    [Fact]
    public void Version_1_is_the_checksum_earlier_releases_recorded()
        => Assert.Equal(
            "sha256:18f9c7a547d76fb89c3203f133a236488fd5a07070800fac8e6af9606736c818",
            SchemaGen.SqlParsing.SqlChecksum.Compute("CREATE TABLE Users (id int);", transactional: true, version: 1));

    [Theory]
    [InlineData("CREATE TABLE Users (Id INT)", "create table users (id int)")]
    [InlineData("ALTER TABLE t ADD c VARCHAR(10)", "alter table T add C varchar(10)")]
    public void Version_2_folds_the_case_of_keywords_and_unquoted_identifiers(string first, string second)
    {
        Assert.Equal(Checksum(first), Checksum(second));
        Assert.StartsWith("v2:sha256:", Checksum(first), StringComparison.Ordinal);
        Assert.NotEqual(
            SchemaGen.SqlParsing.SqlChecksum.Compute(first, transactional: true, version: 1),
            SchemaGen.SqlParsing.SqlChecksum.Compute(second, transactional: true, version: 1));
    }

    [Theory]
    [InlineData("SELECT 'Abc'", "SELECT 'abc'")]
    [InlineData("SELECT \"Users\".id FROM \"Users\"", "SELECT \"users\".id FROM \"users\"")]
    [InlineData("SELECT $$Body$$", "SELECT $$body$$")]
    public void Version_2_keeps_the_case_of_strings_and_quoted_identifiers(string first, string second)
        => Assert.NotEqual(Checksum(first), Checksum(second));

    [Fact]
    public void The_transactional_option_is_part_of_the_checksum()
        => Assert.NotEqual(
            SchemaGen.SqlParsing.SqlChecksum.Compute("SELECT 1", transactional: true),
            SchemaGen.SqlParsing.SqlChecksum.Compute("SELECT 1", transactional: false));

    [Fact]
    public void SG0001_between_a_class_and_a_sql_file_is_reported_on_the_later_one_at_line_1()
    {
        var diagnostics = Diagnose(
            [("/app/Code/Users.cs", File(Migration("""Migration(1, "users")""", "Users")))],
            [("/app/Migrations/0001_accounts.sql", "-- description: x\nSELECT 1;")]);

        var duplicate = Assert.Single(diagnostics, d => d.Id == "SG0001");
        Assert.Equal("Migration number 1 is used by both 'Users' and '0001_accounts.sql'; give '0001_accounts.sql' the number 2", duplicate.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("/app/Migrations/0001_accounts.sql", duplicate.Location.GetLineSpan().Path);
        Assert.Equal(0, duplicate.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void SG0002_and_SG0005_cover_sql_files()
    {
        var diagnostics = Diagnose(
            [],
            [("/app/Migrations/0001_users.sql", "SELECT 1"), ("/app/Migrations/0003_users.sql", "SELECT 3"), ("/app/Migrations/0004_AddIndex.sql", "SELECT 4")]);

        Assert.Equal(
            [
                "SG0002 0003_users.sql: Migration number 2 missing before '0003_users.sql' (number 3): numbers run 1, 2, 3… without gaps; add the missing migration or renumber '0003_users.sql' to 2",
                "SG0005 0003_users.sql: Migration '0003_users.sql' has an invalid name: 'users' is also the name of '0001_users.sql'; give '0003_users.sql' a name no other migration uses",
                "SG0005 0004_AddIndex.sql: Migration '0004_AddIndex.sql' has an invalid name: 'AddIndex' is not snake_case (^[a-z][a-z0-9_]*$); name it 'add_index'",
            ],
            diagnostics.Select(Describe).Order());
    }

    [Theory]
    [InlineData("create_users.sql", "it must start with the migration's number and '_', as in 0001_create_users.sql, or with R_ for a repeatable migration (R_reporting_views.sql)")]
    [InlineData("V1__create_users.sql", "it must start with the migration's number and '_', as in 0001_create_users.sql, or with R_ for a repeatable migration (R_reporting_views.sql)")]
    [InlineData("0001_.sql", "it must start with the migration's number and '_', as in 0001_create_users.sql, or with R_ for a repeatable migration (R_reporting_views.sql)")]
    [InlineData("99999999999_big.sql", "its number 99999999999 is too large")]
    public void SG0008_for_a_sql_file_not_named_like_a_migration(string fileName, string problem)
    {
        var diagnostic = Assert.Single(Diagnose([], [($"/app/Migrations/{fileName}", "SELECT 1")]));

        Assert.Equal(
            $"SG0008 {fileName}: '{fileName}' is in the migrations folder but is not named like a migration: {problem}; rename it, or move it out of the folder (MSBuild property SchemaGenMigrationsFolder)",
            Describe(diagnostic));
    }

    [Fact]
    public void SG0007_points_at_the_header_line_that_is_wrong()
    {
        var diagnostics = Diagnose([], [("/app/Migrations/0001_users.sql", "-- Adds users.\n-- transactional: sometimes\n-- description:\n-- Description: twice\nSELECT 1;")]);

        Assert.Equal(
            [
                "SG0007 line 2: '0001_users.sql': 'transactional' must be true or false, not 'sometimes'",
                "SG0007 line 3: '0001_users.sql': the description is empty; write it after 'description:' or remove the line",
                "SG0007 line 4: '0001_users.sql': 'description' is given twice; keep one",
            ],
            diagnostics.Select(d => $"{d.Id} line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
    }

    [Fact]
    public void Prose_comments_with_colons_are_not_a_header_problem()
        => Assert.Empty(Diagnose([], [("/app/Migrations/0001_users.sql", "-- Note: this adds users.\n-- TODO: backfill later\nSELECT 1;")]));

    [Fact]
    public void SG0101_and_SG0103_point_at_the_sql_file_and_a_recorded_sql_file_is_not_gone()
    {
        var recordedChecksum = SchemaGen.SqlParsing.SqlChecksum.Compute("SELECT 1;", transactional: true);
        var lockFile = $$"""
            {
              "version": 1,
              "migrations": [
                { "number": 1, "name": "users", "checksum": "{{recordedChecksum}}" },
                { "number": 2, "name": "orders", "checksum": "{{recordedChecksum}}" },
                { "number": 3, "name": "kept", "checksum": "{{recordedChecksum}}" }
              ]
            }
            """;

        var diagnostics = Diagnose(
            [],
            [
                ("/app/Migrations/0001_users.sql", "SELECT 2;"),
                ("/app/Migrations/0002_invoices.sql", "SELECT 1;"),
                ("/app/Migrations/0003_kept.sql", "-- only a comment changed\nSELECT 1;"),
                ("/app/migrations.lock.json", lockFile),
            ]);

        Assert.Equal(["SG0101 0001_users.sql", "SG0103 0002_invoices.sql"], diagnostics.Select(d => $"{d.Id} {Path.GetFileName(d.Location.GetLineSpan().Path)}").Order());
    }

    [Fact]
    public void A_lock_file_entry_of_version_1_is_compared_with_version_1_and_a_version_2_one_ignores_keyword_case()
    {
        var version1 = SchemaGen.SqlParsing.SqlChecksum.Compute("SELECT 1 FROM users;", transactional: true, version: 1);
        var version2 = SchemaGen.SqlParsing.SqlChecksum.Compute("SELECT 1 FROM users;", transactional: true);
        var lockFile = $$"""
            {
              "version": 1,
              "migrations": [
                { "number": 1, "name": "same", "checksum": "{{version1}}" },
                { "number": 2, "name": "cased", "checksum": "{{version1}}" },
                { "number": 3, "name": "recased", "checksum": "{{version2}}" }
              ]
            }
            """;

        var diagnostics = Diagnose(
            [],
            [
                ("/app/Migrations/0001_same.sql", "SELECT 1 FROM users;"),
                ("/app/Migrations/0002_cased.sql", "select 1 from USERS;"),
                ("/app/Migrations/0003_recased.sql", "select 1 from USERS;"),
                ("/app/migrations.lock.json", lockFile),
            ]);

        Assert.Equal(["SG0101 0002_cased.sql"], diagnostics.Select(d => $"{d.Id} {Path.GetFileName(d.Location.GetLineSpan().Path)}"));
    }

    [Fact]
    public void SG0001_blames_the_migration_the_lock_file_does_not_record_and_gives_it_the_next_free_number()
    {
        const string released = "SELECT 3;";
        var lockFile = $$"""
            {
              "version": 1,
              "migrations": [
                { "number": 1, "name": "users", "checksum": "{{Checksum("SELECT 1;")}}" },
                { "number": 2, "name": "add_users", "checksum": "{{Checksum(released)}}" }
              ]
            }
            """;

        var diagnostics = Diagnose(
            [("/app/A/AddOrders.cs", File(Migration("""Migration(2, "add_orders")""", "AddOrders")))],
            [("/app/Migrations/0001_users.sql", "SELECT 1;"), ("/app/Migrations/0002_add_users.sql", released), ("/app/migrations.lock.json", lockFile)]);

        Assert.Equal(
            [
                "SG0001 AddOrders.cs: Migration number 2 is used by both '0002_add_users.sql' and 'AddOrders'; give 'AddOrders' the number 3",
                "SG0103 AddOrders.cs: " + diagnostics.Single(d => d.Id == "SG0103").GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            ],
            diagnostics.Select(Describe).Order());
    }

    [Fact]
    public void SG0001_without_a_lock_file_blames_the_later_of_the_two_in_source_order()
    {
        var diagnostics = Diagnose(
            [("/app/A/AddOrders.cs", File(Migration("""Migration(2, "add_orders")""", "AddOrders")))],
            [("/app/Migrations/0001_users.sql", "SELECT 1;"), ("/app/Migrations/0002_add_users.sql", "SELECT 3;")]);

        Assert.Equal(
            ["SG0001 0002_add_users.sql: Migration number 2 is used by both 'AddOrders' and '0002_add_users.sql'; give '0002_add_users.sql' the number 3"],
            diagnostics.Select(Describe));
    }

    private static string Checksum(string sql) => SchemaGen.SqlParsing.SqlChecksum.Compute(sql, transactional: true);

    private static string Describe(Diagnostic diagnostic)
        => $"{diagnostic.Id} {Path.GetFileName(diagnostic.Location.GetLineSpan().Path)}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";

    private static List<Diagnostic> Diagnose((string Path, string Source)[] sources, (string Path, string Text)[] files)
    {
        var compilation = GeneratorRun.Compile(sources.Length == 0 ? [("Empty.cs", Usings)] : sources);
        var (_, diagnostics, _) = GeneratorRun.Generate(compilation, files);
        return diagnostics.Where(d => d.Id.StartsWith("SG", StringComparison.Ordinal)).ToList();
    }

    private static string GeneratedRegistry((string Path, string Text)[] files)
    {
        var (_, _, run) = GeneratorRun.Generate(GeneratorRun.Compile([("Empty.cs", Usings)]), files);
        return CompiledRegistry.Source(run, "SchemaGen.MigrationRegistry.g.cs");
    }
}
