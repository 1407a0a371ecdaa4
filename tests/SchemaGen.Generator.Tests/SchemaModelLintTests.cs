using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>The SQL lint asking the compile-time schema model: the old type, the old nullability, and whether a table is released yet.</summary>
public class SchemaModelLintTests
{
    private const string Users = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name varchar(50), note text, total numeric(8,2));\n";

    [Theory]
    [InlineData("ALTER TABLE users ALTER COLUMN email TYPE text", "")]
    [InlineData("ALTER TABLE users ALTER COLUMN email TYPE TEXT", "")]
    [InlineData("ALTER TABLE users ALTER COLUMN name TYPE varchar(100)", "")]
    [InlineData("ALTER TABLE users ALTER COLUMN name TYPE character varying", "")]
    [InlineData("ALTER TABLE users ALTER COLUMN name TYPE text", "")]
    [InlineData("ALTER TABLE users ALTER COLUMN total TYPE numeric(12,2)", "")]
    [InlineData("ALTER TABLE users ALTER COLUMN note TYPE varchar(50)", "SG0306")]
    [InlineData("ALTER TABLE users ALTER COLUMN name TYPE varchar(20)", "SG0306")]
    [InlineData("ALTER TABLE users ALTER COLUMN email TYPE text USING lower(email)", "SG0306")]
    [InlineData("ALTER TABLE users ALTER COLUMN id TYPE int", "SG0306")]
    [InlineData("ALTER TABLE users ALTER COLUMN total TYPE numeric(8,3)", "SG0306")]
    [InlineData("ALTER TABLE users ALTER COLUMN email SET NOT NULL", "")]
    [InlineData("ALTER TABLE users ALTER COLUMN note SET NOT NULL", "SG0307")]
    [InlineData("ALTER TABLE users ALTER COLUMN email DROP NOT NULL; ALTER TABLE users ALTER COLUMN email SET NOT NULL", "SG0307")]
    public void Type_changes_and_set_not_null_are_judged_by_what_the_column_was(string change, string expected)
        => Assert.Equal(expected, Findings(("0001_users.sql", Users), ("0002_change.sql", change)));

    [Fact]
    public void Without_the_old_type_the_rules_keep_their_old_judgement()
    {
        Assert.Equal("SG0306", Findings(("0001_change.sql", "ALTER TABLE elsewhere ALTER COLUMN note TYPE int")));
        Assert.Equal("", Findings(("0001_change.sql", "ALTER TABLE elsewhere ALTER COLUMN note TYPE varchar(50)")));
        Assert.Equal("SG0307", Findings(("0001_change.sql", "ALTER TABLE elsewhere ALTER COLUMN email SET NOT NULL")));
    }

    [Fact]
    public void A_table_of_an_unreleased_migration_needs_no_care_until_it_is_released()
    {
        var later = "CREATE INDEX ix_email ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '');\nALTER TABLE users ADD COLUMN flag boolean NOT NULL;\nALTER TABLE users DROP COLUMN note;\n";

        var noLockFile = Findings(("0001_users.sql", Users), ("0002_later.sql", later));
        var firstReleased = Findings(("0001_users.sql", Users), ("0002_later.sql", later), LockFile(("users", 1)));
        var noneReleased = Findings(("0001_users.sql", Users), ("0002_later.sql", later), LockFile());

        Assert.Equal("SG0303 SG0304 SG0308 SG0310", noLockFile);
        Assert.Equal("SG0303 SG0304 SG0308 SG0310", firstReleased);
        Assert.Equal("", noneReleased);
    }

    [Fact]
    public void A_csharp_migration_is_judged_by_what_the_sql_files_before_it_built()
    {
        var (_, diagnostics, _) = GeneratorRun.Generate(
            GeneratorRun.Compile([("Change.cs", File(Migration("""Migration(2, "change")""", "Change", "ALTER TABLE users ALTER COLUMN email TYPE text; ALTER TABLE users ALTER COLUMN note TYPE varchar(9)")))]),
            ("/app/Migrations/0001_users.sql", Users));

        Assert.Equal(["SG0306"], diagnostics.Where(d => d.Id.StartsWith("SG030", StringComparison.Ordinal)).Select(d => d.Id));
    }

    private static (string, string) LockFile(params (string Name, int Number)[] released)
        => ("migrations.lock.json", "{ \"version\": 1, \"migrations\": [" + string.Join(", ", released.Select(r => $"{{ \"number\": {r.Number}, \"name\": \"{r.Name}\", \"checksum\": \"sha256:{new string('a', 64)}\" }}")) + "] }");

    private static string Findings(params (string Name, string Text)[] files)
    {
        var (_, diagnostics, _) = GeneratorRun.Generate(
            GeneratorRun.Compile([("Empty.cs", Usings)]),
            [.. files.Select(file => (file.Name.EndsWith(".json", StringComparison.Ordinal) ? "/app/" : "/app/Migrations/") + file.Name).Zip(files, (path, file) => (path, file.Text))]);
        return string.Join(' ', diagnostics.Where(d => d.Id.StartsWith("SG030", StringComparison.Ordinal) || d.Id == "SG0310").Select(d => d.Id).Order(StringComparer.Ordinal));
    }
}
