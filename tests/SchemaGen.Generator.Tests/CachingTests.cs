using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>The pipeline stays cached for unrelated edits, reacts to real ones, and holds no symbols or syntax.</summary>
public class CachingTests
{
    private static readonly string[] OurSteps =
    [
        TrackingNames.Migrations,
        TrackingNames.SortedMigrations,
        TrackingNames.Registry,
        TrackingNames.RegistryChunks,
        TrackingNames.RegistryDiagnostics,
        TrackingNames.Tables,
        TrackingNames.SortedTables,
        TrackingNames.SqlMigrationFiles,
        TrackingNames.SqlMigrations,
        TrackingNames.ReleasedMigrations,
        TrackingNames.SqlDowns,
        TrackingNames.DownDiagnostics,
        TrackingNames.RepeatableMigrations,
        TrackingNames.SqlRepeatables,
        TrackingNames.SortedRepeatables,
        TrackingNames.RepeatableRegistry,
        TrackingNames.RepeatableDiagnostics,
        TrackingNames.ExpectedSchema,
        TrackingNames.ExpectedSchemaChunks,
        TrackingNames.ExpectedSchemaChunkCount,
        TrackingNames.SchemaDiagnostics,
        TrackingNames.SchemaFile,
        TrackingNames.SchemaFileDiagnostics,
        TrackingNames.FrozenAutoSchema,
        TrackingNames.TableSites,
        TrackingNames.ModelDifferences,
        TrackingNames.ModelMigration,
        TrackingNames.ModelDiagnostics,
    ];

    private const string NoteModel = """
        using System.ComponentModel.DataAnnotations.Schema;

        [Table("notes")]
        public class Note
        {
            public int Id { get; set; }
            public string Title { get; set; } = "";
        }
        """;

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(CSharpCompilation compilation, Func<CSharpCompilation, CSharpCompilation> edit)
    {
        var driver = GeneratorRun.CreateDriver(AdditionalFiles.Of(
            ("/app/Migrations/0003_notes_index.sql", "CREATE INDEX idx_notes ON notes (id);"),
            ("/app/Migrations/0003_notes_index.down.sql", "DROP INDEX idx_notes;"),
            ("/app/Migrations/R_note_titles.sql", "CREATE OR REPLACE VIEW note_titles AS SELECT 1 AS title;"),
            ("/app/migrations.lock.json", """{ "version": 1, "migrations": [ { "number": 1, "name": "users", "checksum": "sha256:00" } ] }"""))).RunGenerators(compilation);
        var first = driver.GetRunResult();
        driver = driver.RunGenerators(edit(compilation));
        return (first, driver.GetRunResult());
    }

    private static CSharpCompilation ReplaceFile(CSharpCompilation compilation, string path, string source)
    {
        var old = compilation.SyntaxTrees.Single(tree => tree.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorRun.ParseOptions, path));
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriverRunResult run, string step)
        => run.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static CSharpCompilation TwoMigrationsAndAnUnrelatedFile()
        => GeneratorRun.Compile(
            ("Users.cs", File(Migration("""Migration(1, "users")""", "Users", "CREATE TABLE users (id int)"))),
            ("AuditLog.cs", File(Migration("""Migration(2, "audit_log")""", "AuditLog", "CREATE TABLE audit_logs (id int)"))),
            ("Note.cs", NoteModel),
            ("Grants.cs", Usings + """
                [RepeatableMigration("grants")]
                public sealed class Grants : Migration
                {
                    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                        => context.ExecuteAsync("GRANT SELECT ON notes TO PUBLIC", cancellationToken);
                }
                """),
            ("Program.cs", "public static class Program { public static int Answer => 42; }"));

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached()
    {
        var (_, second) = RunTwice(
            TwoMigrationsAndAnUnrelatedFile(),
            c => ReplaceFile(c, "Program.cs", "public static class Program { public static int Answer => 43; }"));

        foreach (var step in OurSteps)
        {
            Assert.All(Reasons(second, step), reason => Assert.Contains(reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        }

        Assert.All(second.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.NotEqual(IncrementalStepRunReason.Modified, output.Reason));
    }

    [Fact]
    public void Editing_one_migration_body_modifies_that_model_and_the_registry_but_not_the_diagnostics()
    {
        var (_, second) = RunTwice(
            TwoMigrationsAndAnUnrelatedFile(),
            c => ReplaceFile(c, "AuditLog.cs", File(Migration("""Migration(2, "audit_log")""", "AuditLog", "CREATE TABLE audit_logs (id bigint)"))));

        var migrationReasons = Reasons(second, TrackingNames.Migrations);
        Assert.Equal(1, migrationReasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, migrationReasons.Count(r => r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.Registry));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(second, TrackingNames.RegistryDiagnostics));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.ExpectedSchema));
        Assert.Equal([IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.ExpectedSchemaChunks));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(second, TrackingNames.ExpectedSchemaChunkCount));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(second, TrackingNames.SchemaDiagnostics));
    }

    [Fact]
    public void A_body_edit_that_changes_no_ddl_leaves_the_expected_schema_unchanged()
    {
        var (_, second) = RunTwice(
            TwoMigrationsAndAnUnrelatedFile(),
            c => ReplaceFile(c, "AuditLog.cs", File(Migration("""Migration(2, "audit_log")""", "AuditLog", "CREATE  TABLE audit_logs (id int) -- reformatted"))));

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.Registry));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(second, TrackingNames.ExpectedSchema));
    }

    [Fact]
    public void Editing_one_migration_of_250_rewrites_its_chunk_of_the_registry_and_no_other()
    {
        var compilation = GeneratorRun.Compile(Enumerable.Range(1, 250)
            .Select(n => ($"M{n}.cs", File(Migration($"Migration({n}, \"step_{n}\")", $"Step{n}", $"CREATE TABLE t{n} (id int)"))))
            .ToArray());

        var (first, second) = RunTwice(compilation, c => ReplaceFile(c, "M150.cs", File(Migration("Migration(150, \"step_150\")", "Step150", "CREATE TABLE t150 (id bigint)"))));

        Assert.Equal(3, first.Results.Single().GeneratedSources.Count(s => s.HintName.StartsWith("SchemaGen.MigrationRegistry.0", StringComparison.Ordinal)));
        Assert.Equal(
            [IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged],
            Reasons(second, TrackingNames.RegistryChunks));
        Assert.NotEqual(CompiledRegistry.Source(first, "SchemaGen.MigrationRegistry.0001.g.cs"), CompiledRegistry.Source(second, "SchemaGen.MigrationRegistry.0001.g.cs"));
        Assert.Equal(CompiledRegistry.Source(first, "SchemaGen.MigrationRegistry.0002.g.cs"), CompiledRegistry.Source(second, "SchemaGen.MigrationRegistry.0002.g.cs"));
    }

    [Fact]
    public void Editing_a_migration_leaves_the_models_cached_and_editing_a_model_modifies_only_the_models()
    {
        var (_, migrationEdited) = RunTwice(
            TwoMigrationsAndAnUnrelatedFile(),
            c => ReplaceFile(c, "AuditLog.cs", File(Migration("""Migration(2, "audit_log")""", "AuditLog", "CREATE TABLE audit_logs (id bigint)"))));
        var (_, modelEdited) = RunTwice(
            TwoMigrationsAndAnUnrelatedFile(),
            c => ReplaceFile(c, "Note.cs", NoteModel.Replace("public string Title", "public string? Title", StringComparison.Ordinal)));

        Assert.All(Reasons(migrationEdited, TrackingNames.SortedTables), r => Assert.Contains(r, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(modelEdited, TrackingNames.Tables));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(modelEdited, TrackingNames.SortedTables));
        Assert.All(Reasons(modelEdited, TrackingNames.Registry), r => Assert.Contains(r, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }

    [Fact]
    public void Inserting_a_line_above_a_model_moves_its_sites_and_leaves_the_model_and_its_differences_unchanged()
    {
        const string usersModel = """
            using System.ComponentModel.DataAnnotations.Schema;

            [Table("users")]
            public class User
            {
                public int Id { get; set; }
                public string Email { get; set; } = "";
            }
            """;
        var (first, second) = RunTwice(
            ReplaceFile(TwoMigrationsAndAnUnrelatedFile(), "Note.cs", usersModel),
            c => ReplaceFile(c, "Note.cs", "// a comment\n" + usersModel));

        Assert.Contains(first.Diagnostics, d => d.Id == "SG0208");

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.TableSites));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(second, TrackingNames.Tables));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(second, TrackingNames.ModelDifferences));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(second, TrackingNames.ModelMigration));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.ModelDiagnostics));
    }

    [Fact]
    public void Inserting_a_line_above_a_migration_leaves_the_registry_unchanged()
    {
        var (_, second) = RunTwice(
            TwoMigrationsAndAnUnrelatedFile(),
            c => ReplaceFile(c, "AuditLog.cs", "// a comment that moves the class down a line\n" + File(Migration("""Migration(2, "audit_log")""", "AuditLog", "CREATE TABLE audit_logs (id int)"))));

        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(second, TrackingNames.Registry));
        Assert.All(second.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.NotEqual(IncrementalStepRunReason.Modified, output.Reason));
    }

    [Fact]
    public void Renumbering_into_a_gap_modifies_the_diagnostics()
    {
        var (_, second) = RunTwice(
            TwoMigrationsAndAnUnrelatedFile(),
            c => ReplaceFile(c, "AuditLog.cs", File(Migration("""Migration(4, "audit_log")""", "AuditLog", "CREATE TABLE audit_logs (id int)"))));

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.RegistryDiagnostics));
    }

    [Fact]
    public void Step_outputs_hold_no_symbols_syntax_or_compilations()
    {
        var (first, _) = RunTwice(TwoMigrationsAndAnUnrelatedFile(), c => c);
        foreach (var step in OurSteps)
        {
            foreach (var output in first.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertHoldsOnlyData(output.Value, step, depth: 0);
            }
        }
    }

    private static void AssertHoldsOnlyData(object? value, string path, int depth)
    {
        Assert.True(depth < 20, $"{path}: model graph is too deep");
        switch (value)
        {
            case null or string or bool or char or int or long or Enum:
                return;
            case ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree or Location:
                Assert.Fail($"{path} holds a {value.GetType().Name}, which defeats caching");
                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    AssertHoldsOnlyData(item, $"{path}[{i++}]", depth + 1);
                }

                return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertHoldsOnlyData(field.GetValue(value), $"{path}.{field.Name}", depth + 1);
        }
    }
}
