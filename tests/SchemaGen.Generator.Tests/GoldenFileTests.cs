using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>
/// The generated registry and schema model, compared whole with files in Golden/: a change to the emitters shows as a diff
/// of those files. Set SCHEMAGEN_UPDATE_GOLDEN=1 to write them anew, then review the diff.
/// </summary>
public class GoldenFileTests
{
    private static readonly (string Path, string Source)[] Sources =
    [
        ("/app/Migrations/Users.cs", File(Migration("""Migration(1, "users", Description = "Create \"users\"")""", "Users", "CREATE TABLE users (id bigint PRIMARY KEY)"))),
        ("/app/Models/Note.cs", ModelUsings + """
            [Table("notes", Schema = "app")]
            [Index(nameof(Title), IsUnique = true)]
            public sealed class Note
            {
                public long Id { get; set; }
                [StringLength(200)] public string Title { get; set; } = "";
                public DateTimeOffset? Seen { get; set; }
            }
            """),
    ];

    private static readonly (string Path, string Text)[] SqlFiles =
    [
        ("/app/Migrations/0002_notes.sql", "-- description: Notes\n-- transactional: false\nCREATE INDEX CONCURRENTLY idx ON users (id);\n"),
    ];

    [Theory]
    [InlineData("SchemaGen.MigrationRegistry.g.cs")]
    [InlineData("SchemaGen.MigrationRegistry.0000.g.cs")]
    [InlineData("SchemaGen.SchemaModel.g.cs")]
    [InlineData("SchemaGen.ExpectedSchema.g.cs")]
    [InlineData("SchemaGen.ExpectedSchema.001.g.cs")]
    public void Generated_file_matches_its_golden_copy(string hintName)
    {
        var (_, _, run) = GeneratorRun.Generate(GeneratorRun.Compile(Sources), SqlFiles);
        var generated = run.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString().Replace("\r\n", "\n");
        var golden = Path.Combine(SourceDirectory(), "Golden", hintName + ".txt");

        if (Environment.GetEnvironmentVariable("SCHEMAGEN_UPDATE_GOLDEN") == "1")
        {
            System.IO.File.WriteAllText(golden, generated);
        }

        Assert.Equal(System.IO.File.ReadAllText(golden).Replace("\r\n", "\n"), generated);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
