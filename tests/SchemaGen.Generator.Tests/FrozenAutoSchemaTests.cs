using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SchemaGen.Generator.LockFile;
using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>
/// Frozen auto-schema: recording the lock file pins the [Table] models a migration's AutoSchemaAsync saw, and from then on the
/// replay, SG0208 and the generated auto-schema use those models, not today's.
/// </summary>
public class FrozenAutoSchemaTests
{
    private const string AutoSchemaMigration = """
        [Migration(1, "tables")]
        public sealed class Tables : Migration
        {
            public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                => await context.AutoSchemaAsync(cancellationToken);
        }

        """;

    private static string Source(string noteMembers) => ModelUsings + "using System.Threading;\nusing System.Threading.Tasks;\n" + AutoSchemaMigration + $$"""
        [Table("notes")]
        [Index(nameof(Title), Name = "ix_notes_title")]
        public class Note
        {
            public long Id { get; set; }
            [Required, StringLength(200)] public string Title { get; set; } = "";
            [DefaultValueSql("'draft'")] public string? State { get; set; }
            {{noteMembers}}
        }
        """;

    [Fact]
    public void Recording_freezes_the_models_of_a_migration_that_calls_AutoSchemaAsync_and_they_read_back_the_same()
    {
        var lockFile = Record(Source(""));

        Assert.Contains("\"number\": 1, \"name\": \"tables\", \"checksum\": ", lockFile);
        Assert.Contains("""
            "autoSchema": [
                  { "schema": null, "table": "notes", "columns": [["id", "bigint", false, null, "Identity"], ["title", "character varying(200)", false, null, "None"], ["state", "text", true, "'draft'", "None"]], "key": ["id"], "foreignKeys": [], "indexes": [["ix_notes_title", ["title"], false, null]] }
                ] }
            """.ReplaceLineEndings("\n"), lockFile);
        var entry = Assert.Single(LockFileParser.Parse(lockFile).Entries);
        var table = Assert.Single(entry.AutoSchema!.Value);
        Assert.Equal(["id", "title", "state"], table.Columns.Select(c => c.Name));
        Assert.Equal("'draft'", table.Columns[2].DefaultSql);
    }

    [Fact]
    public void Recording_again_after_a_model_change_keeps_the_frozen_models()
    {
        var frozen = Record(Source(""));

        var again = Record(Source("public string? Body { get; set; }"), frozen);

        Assert.Equal(frozen, again);
    }

    [Fact]
    public void Once_frozen_a_model_change_is_a_difference_SG0208_reports_and_the_generated_auto_schema_keeps_the_frozen_models()
    {
        var frozen = Record(Source(""));
        var changed = Source("public string? {|#0:Body|} { get; set; }").Replace("{|#0:", "").Replace("|}", "");

        var (unpinned, _) = ModelMigrationTests.Run(changed);
        var (pinned, draft) = ModelMigrationTests.Run(changed, ("migrations.lock.json", frozen));
        var model = CompiledRegistry.LoadAutoSchemaModel(changed, 1, ("migrations.lock.json", frozen));
        var today = CompiledRegistry.LoadAutoSchemaModel(changed, 2, ("migrations.lock.json", frozen));

        Assert.DoesNotContain(unpinned, d => d.Id == "SG0208");
        Assert.Equal("Table 'notes': no migration adds column body; the code fix (or 'schemagen new --from-model') writes the migration 0002_update_notes.sql that closes it",
            Assert.Single(pinned, d => d.Id == "SG0208").GetMessage());
        Assert.Contains("ALTER TABLE notes ADD COLUMN IF NOT EXISTS body text;", draft);
        Assert.Equal(["id", "title", "state"], model.Tables.Single().Columns.Select(c => c.Name));
        Assert.Equal(["id", "title", "state", "body"], today.Tables.Single().Columns.Select(c => c.Name));
    }

    [Fact]
    public void The_lint_knows_the_tables_a_frozen_auto_schema_made()
    {
        var frozen = Record(Source(""));
        var setNotNull = ("Migrations/0002_title_not_null.sql", "ALTER TABLE notes ALTER COLUMN title SET NOT NULL;\n");

        var (unfrozen, _) = ModelMigrationTests.Run(Source(""), setNotNull, ("migrations.lock.json", frozen.Replace(frozen[frozen.IndexOf(", \"autoSchema\"")..], " }\n  ]\n}\n")));
        var (known, _) = ModelMigrationTests.Run(Source(""), setNotNull, ("migrations.lock.json", frozen));

        Assert.Contains(unfrozen, d => d.Id == "SG0307");
        Assert.DoesNotContain(known, d => d.Id == "SG0307");
    }

    [Fact]
    public void Frozen_models_that_cannot_be_read_are_reported_as_SG0104_at_their_place()
    {
        var broken = Record(Source("")).Replace("\"Identity\"", "\"Sometimes\"");

        var (diagnostics, _) = ModelMigrationTests.Run(Source(""), ("migrations.lock.json", broken));

        var problem = Assert.Single(diagnostics, d => d.Id == "SG0104");
        Assert.Contains("the frozen auto-schema models of migration 1 cannot be read", problem.GetMessage());
    }

    /// <summary>The lock file the record target would write, with <paramref name="lockFile"/> as the one committed before.</summary>
    private static string Record(string source, string? lockFile = null)
    {
        var files = AdditionalFiles.Of(lockFile is null ? [] : [("migrations.lock.json", lockFile)]);
        var driver = CSharpGeneratorDriver.Create(
            [new SchemaGenGenerator().AsSourceGenerator()], files, GeneratorRun.ParseOptions,
            AdditionalFiles.Options(files, new() { ["build_property.SchemaGenRecording"] = "true" }));
        var text = driver.RunGenerators(GeneratorRun.Compile(("Models.cs", source))).GetRunResult().Results.Single().GeneratedSources
            .Single(s => s.HintName == "SchemaGen.MigrationsLock.g.cs").SourceText.ToString();
        return string.Join("\n", text.Split('\n').Where(l => l.StartsWith("//|", StringComparison.Ordinal)).Select(l => l[3..]));
    }
}
