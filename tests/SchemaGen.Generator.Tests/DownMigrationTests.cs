using Microsoft.CodeAnalysis;
using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>
/// Downs: a <c>.down.sql</c> paired with its SQL migration and a <c>DownAsync</c> override, in the registry; SG0009 for a down
/// with no migration; the checksum left as it was; the lint's data-loss rule in downs.
/// </summary>
public class DownMigrationTests
{
    private const string CreateUsers = "CREATE TABLE users (id bigint PRIMARY KEY);\n";

    private static string ReversibleClass(string attribute, string down) => Usings + $$"""
        [{{attribute}}]
        public sealed class Notes : Migration
        {
            public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                => context.ExecuteAsync("CREATE TABLE notes (id bigint)", cancellationToken);

            public override Task DownAsync(MigrationContext context, CancellationToken cancellationToken)
                => {{down}};
        }
        """;

    [Fact]
    public void A_down_sql_file_pairs_with_its_migration_and_the_registry_knows_it_is_reversible()
    {
        var registry = CompiledRegistry.Load(
            [("Notes.cs", ReversibleClass("""Migration(2, "notes")""", """context.ExecuteAsync("/* schemagen-disable SG0316 */ DROP TABLE notes", cancellationToken)"""))],
            [
                ("/app/Migrations/0001_users.sql", CreateUsers),
                ("/app/Migrations/undo/0001_users.down.sql", "-- transactional: false\nDROP TABLE users;\n"),
                ("/app/Migrations/0003_index.sql", "CREATE INDEX users_id ON users (id);\n"),
            ]);

        Assert.Equal([true, true, false], registry.Select(m => m.IsReversible));
        Assert.Equal("-- transactional: false\nDROP TABLE users;\n", registry[0].CompileTimeDownSql);
        Assert.False(registry[0].DownTransactional);
        Assert.Equal("/* schemagen-disable SG0316 */ DROP TABLE notes;\n", registry[1].CompileTimeDownSql);
        Assert.True(registry[1].DownTransactional);
        Assert.Null(registry[2].CompileTimeDownSql);
        Assert.Equal(SchemaGen.SqlParsing.SqlChecksum.Compute(CreateUsers, transactional: true), registry[0].Checksum);
    }

    [Fact]
    public void A_down_whose_SQL_is_decided_as_it_runs_is_reversible_with_no_compile_time_SQL()
    {
        var migration = Assert.Single(CompiledRegistry.Load(ReversibleClass("""Migration(1, "notes", Transactional = false)""", "context.ExecuteAsync(Drop(), cancellationToken)")
            .Replace("public sealed class Notes : Migration\n{", "public sealed class Notes : Migration\n{\n    private static string Drop() => \"DROP TABLE notes\";\n")));

        Assert.True(migration.IsReversible);
        Assert.Null(migration.CompileTimeDownSql);
        Assert.False(migration.DownTransactional);
    }

    [Fact]
    public void Adding_or_editing_a_DownAsync_leaves_the_migration_s_checksum_as_it_was()
    {
        var without = Assert.Single(CompiledRegistry.Load(File(Migration("""Migration(1, "notes")""", "Notes", "CREATE TABLE notes (id bigint)"))));
        var with = Assert.Single(CompiledRegistry.Load(ReversibleClass("""Migration(1, "notes")""", """context.ExecuteAsync("DROP TABLE notes", cancellationToken)""")));
        var edited = Assert.Single(CompiledRegistry.Load(ReversibleClass("""Migration(1, "notes")""", """context.ExecuteAsync("ALTER TABLE notes RENAME TO notes_old", cancellationToken)""")));

        Assert.False(without.IsReversible);
        Assert.Equal(without.Checksum, with.Checksum);
        Assert.Equal(with.Checksum, edited.Checksum);
    }

    [Fact]
    public void SG0009_on_a_down_with_no_migration_one_for_a_CSharp_migration_and_a_second_down()
    {
        var diagnostics = Diagnose(
            [("Notes.cs", File(Migration("""Migration(2, "notes")""", "Notes", "CREATE TABLE notes (id bigint)")))],
            [
                ("/app/Migrations/0001_users.sql", CreateUsers),
                ("/app/Migrations/a/0001_users.down.sql", "DROP TABLE users;\n"),
                ("/app/Migrations/b/0001_users.down.sql", "DROP TABLE users;\n"),
                ("/app/Migrations/0001_accounts.down.sql", "DROP TABLE accounts;\n"),
                ("/app/Migrations/0002_notes.down.sql", "DROP TABLE notes;\n"),
            ]);

        Assert.Equal(
            [
                "SG0009 0001_accounts.down.sql:1 '0001_accounts.down.sql' is a down migration, but no SQL migration is numbered 1 and named 'accounts': name it after the file of the migration it undoes, as 0003_add_orders.down.sql beside 0003_add_orders.sql",
                "SG0009 0001_users.down.sql:1 '0001_users.down.sql' is a down migration, but '0001_users.down.sql' is already the down of migration 1; keep one",
                "SG0009 0002_notes.down.sql:1 '0002_notes.down.sql' is a down migration, but migration 2 'notes' is the C# class 'Notes': write its down as a DownAsync override instead, and delete this file",
            ],
            diagnostics.Where(d => d.Id == "SG0009").Select(Describe).Order());
        Assert.All(diagnostics.Where(d => d.Id == "SG0009"), d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal("/app/Migrations/b/0001_users.down.sql", diagnostics.Single(d => d.GetMessage().Contains("already the down")).Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_drop_in_a_down_is_SG0316_data_loss_and_in_a_migration_SG0310()
    {
        var diagnostics = Diagnose(
            [("Notes.cs", ReversibleClass("""Migration(2, "notes")""", """context.ExecuteAsync("DROP TABLE notes; ALTER TABLE users DROP COLUMN email, RENAME COLUMN a TO b", cancellationToken)"""))],
            [
                ("/app/Migrations/0001_users.sql", CreateUsers + "ALTER TABLE legacy DROP COLUMN x;\n"),
                ("/app/Migrations/0001_users.down.sql", "DROP TABLE users;\n"),
            ]);

        Assert.Equal(
            ["SG0310 0001_users.sql:2", "SG0310 Notes.cs:11", "SG0316 0001_users.down.sql:1", "SG0316 Notes.cs:11", "SG0316 Notes.cs:11"],
            diagnostics.Where(d => d.Id is "SG0310" or "SG0316").Select(d => $"{d.Id} {Path.GetFileName(d.Location.GetLineSpan().Path)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}").Order());
    }

    private static string Describe(Diagnostic diagnostic)
        => $"{diagnostic.Id} {Path.GetFileName(diagnostic.Location.GetLineSpan().Path)}:{diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1} {diagnostic.GetMessage()}";

    private static List<Diagnostic> Diagnose((string Path, string Source)[] sources, (string Path, string Text)[] files)
        => GeneratorRun.Generate(GeneratorRun.Compile(sources), files).Diagnostics.ToList();
}
