using Microsoft.CodeAnalysis;
using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>Repeatable migrations at compile time: R_name.sql files and [RepeatableMigration] classes, in the registry and checked.</summary>
public class RepeatableMigrationTests
{
    private const string Views = "CREATE OR REPLACE VIEW big_orders AS SELECT 1 AS id;\n";

    private static readonly (string Path, string Source) RefreshGrants = ("Grants.cs", Usings + """
        [RepeatableMigration("grants", Description = "Who may read what")]
        public sealed class Grants : Migration
        {
            public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                => context.ExecuteAsync("GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC", cancellationToken);
        }
        """);

    [Fact]
    public void Files_and_classes_are_the_registry_s_repeatables_by_name_and_its_digest_covers_them()
    {
        var all = Assert.IsType<MigrationList>(CompiledRegistry.Load(
            [("Users.cs", File(Migration("""Migration(1, "users")""", "Users"))), RefreshGrants],
            [("/app/Migrations/R_views.sql", "-- description: Reporting views\n" + Views), ("/app/Migrations/0002_notes.sql", "CREATE TABLE notes (id int);\n")]));

        Assert.Equal(["001_users", "002_notes"], all.Select(m => m.Id));
        Assert.Equal(["R_grants", "R_views"], all.Repeatables.Select(m => m.Id));
        Assert.Equal(2, all.RepeatableCount);
        Assert.All(all.Repeatables, m => Assert.True(m.IsRepeatable && m.Number == 0 && m.Transactional));
        Assert.Equal("Who may read what", all.Repeatables[0].Description);
        Assert.Equal("GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC;\n", all.Repeatables[0].CompileTimeSql);
        Assert.Equal("Reporting views", all.Repeatables[1].Description);
        Assert.Equal(SchemaGen.SqlParsing.SqlChecksum.Compute("-- description: Reporting views\n" + Views, transactional: true), all.Repeatables[1].Checksum);
        Assert.Equal(MigrationList.DigestOf(new MigrationList([.. all], digest: null, [.. all.Repeatables])), all.Digest);
        Assert.NotEqual(MigrationList.DigestOf(new MigrationList([.. all], digest: null)), all.Digest);
    }

    [Fact]
    public void Two_repeatables_of_one_name_a_non_transactional_header_and_a_down_file_are_refused()
    {
        var (_, diagnostics, _) = GeneratorRun.Generate(
            GeneratorRun.Compile(("Views.cs", Usings + """
                [RepeatableMigration("views")]
                public sealed class Views : Migration
                {
                    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => Task.CompletedTask;
                }
                """)),
            ("/app/Migrations/R_views.sql", Views),
            ("/app/Migrations/R_grants.sql", "-- transactional: false\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC;\n"),
            ("/app/Migrations/R_grants.down.sql", "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;\n"),
            ("/app/Migrations/R_commits.sql", "BEGIN;\nCREATE VIEW v AS SELECT 1;\nCOMMIT;\n"));

        var ours = diagnostics.Where(d => d.Id.StartsWith("SG0", StringComparison.Ordinal) && d.Id != "SG0303").Select(d => $"{d.Id} {Path.GetFileName(d.Location.GetLineSpan().Path)}: {d.GetMessage()}").Order().ToList();

        Assert.Contains("SG0005 Views.cs: Migration 'Views' has an invalid name: 'views' is also the name of 'R_views.sql'; give 'Views' a name no other migration uses", ours);
        Assert.Contains("SG0007 R_grants.sql: 'R_grants.sql': a repeatable migration always runs in a transaction with its ledger row; remove 'transactional: false'", ours);
        Assert.Contains(ours, line => line.StartsWith("SG0008 R_grants.down.sql:", StringComparison.Ordinal) && line.Contains("a repeatable migration has no down"));
        Assert.Equal(2, ours.Count(line => line.StartsWith("SG0301 R_commits.sql", StringComparison.Ordinal)));
        Assert.DoesNotContain(ours, line => line.StartsWith("SG0002", StringComparison.Ordinal));
        Assert.All(diagnostics.Where(d => d.Id is "SG0005" or "SG0007" or "SG0008"), d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }
}
