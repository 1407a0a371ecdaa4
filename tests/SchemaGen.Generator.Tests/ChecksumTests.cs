namespace SchemaGen.Generator.Tests;

/// <summary>The checksum changes with what changes behaviour, and with nothing else.</summary>
public class ChecksumTests
{
    private const string Original = """"
        using System.Threading;
        using System.Threading.Tasks;
        using SchemaGen;

        [Migration(1, "users", Description = "Add users")]
        public sealed class Users : Migration
        {
            public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
            {
                await context.ExecuteAsync("""
                    CREATE TABLE users (
                        id serial PRIMARY KEY,
                        name text NOT NULL)
                    """, cancellationToken);
            }
        }
        """";

    private static string Checksum(string source) => ChecksumOf(("Users.cs", source));

    private static string ChecksumOf(params (string Path, string Source)[] files)
        => Assert.Single(CompiledRegistry.Load(files)).Checksum;

    [Fact]
    public void Whitespace_and_reformatting_leave_it_unchanged()
        => Assert.Equal(Checksum(Original), Checksum(Original
            .Replace("public override async Task", "public   override async\n        Task")
            .Replace("    {\n        await", "    {\n\n\n        await")
            .Replace("\t", "    ")));

    [Fact]
    public void Comments_leave_it_unchanged()
        => Assert.Equal(Checksum(Original), Checksum(Original
            .Replace("public sealed class Users", "/// <summary>Users.</summary>\npublic sealed class Users")
            .Replace("await context", "// create the table\n        await /* now */ context")));

    [Fact]
    public void Crlf_line_endings_leave_it_unchanged_even_inside_raw_strings()
        => Assert.Equal(Checksum(Original), Checksum(Original.Replace("\n", "\r\n")));

    [Fact]
    public void Reordered_usings_and_another_file_leave_it_unchanged()
        => Assert.Equal(
            Checksum(Original),
            ChecksumOf(("Elsewhere/Renamed.cs", Original.Replace(
                "using System.Threading;\nusing System.Threading.Tasks;\nusing SchemaGen;",
                "using SchemaGen;\nusing System.Threading.Tasks;\nusing System.Threading;"))));

    [Fact]
    public void The_description_leaves_it_unchanged()
        => Assert.Equal(Checksum(Original), Checksum(Original.Replace("Add users", "Adds the users table")));

    [Fact]
    public void A_changed_sql_string_changes_it()
        => Assert.NotEqual(Checksum(Original), Checksum(Original.Replace("name text NOT NULL", "name varchar(255) NOT NULL")));

    [Fact]
    public void Whitespace_inside_a_sql_string_is_part_of_the_code_and_changes_it()
        => Assert.NotEqual(Checksum(Original), Checksum(Original.Replace("id serial PRIMARY KEY", "id  serial PRIMARY KEY")));

    [Fact]
    public void An_added_statement_changes_it()
        => Assert.NotEqual(Checksum(Original), Checksum(Original.Replace(
            "cancellationToken);\n    }",
            "cancellationToken);\n        await context.ExecuteAsync(\"CREATE INDEX ON users (name)\", cancellationToken);\n    }")));

    [Fact]
    public void The_transactional_flag_changes_it()
        => Assert.NotEqual(Checksum(Original), Checksum(Original.Replace("Description = \"Add users\"", "Description = \"Add users\", Transactional = false")));

    [Fact]
    public void A_changed_base_class_changes_it()
        => Assert.NotEqual(
            Checksum(Original),
            Checksum(Original.Replace(": Migration", ": UsersBase") + "\npublic abstract class UsersBase : Migration { }"));
}
