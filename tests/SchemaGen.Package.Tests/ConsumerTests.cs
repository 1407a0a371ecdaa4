using System.Text.RegularExpressions;

namespace SchemaGen.Package.Tests;

/// <summary>
/// The SchemaGen package as a user gets it: packed into a local feed and used by a separate project through
/// PackageReference alone. Proves the registry is generated, SG0001 fires, SG0101 fires after an edit of a
/// recorded migration (and can be raised to an error), and the record target writes the lock file.
/// </summary>
public sealed class ConsumerTests(PackageFeed feed) : IClassFixture<PackageFeed>
{
    [Fact]
    public async Task The_package_generates_the_registry_records_the_lock_file_and_warns_on_edits()
    {
        using var consumer = ConsumerProject.Create(feed);

        (await consumer.BuildAsync()).Succeeded();
        var run = (await consumer.RunAsync()).Succeeded();
        Assert.Matches(@"^001_users sha256:[0-9a-f]{64}\n002_audit_log sha256:[0-9a-f]{64}\ntables: notes\n$", run.Output.Replace("\r", ""));
        Assert.False(File.Exists(consumer.LockFile), "an ordinary build must not write the lock file");

        (await consumer.BuildAsync("-t:SchemaGenRecordMigrations")).Succeeded();
        var recorded = File.ReadAllText(consumer.LockFile);
        var checksums = Regex.Matches(run.Output, "sha256:[0-9a-f]{64}").Select(m => m.Value).ToArray();
        Assert.Equal(
            $$"""
            {
              "version": 1,
              "migrations": [
                { "number": 1, "name": "users", "checksum": "{{checksums[0]}}" },
                { "number": 2, "name": "audit_log", "checksum": "{{checksums[1]}}" }
              ]
            }

            """,
            recorded.Replace("\r", ""));

        consumer.WriteMigration("Users.cs", 1, "users", "CREATE TABLE users (id bigserial PRIMARY KEY)");
        var edited = (await consumer.BuildAsync()).Succeeded();
        Assert.Matches(@"Users\.cs\(6,21\): warning SG0101: Migration 'UsersMigration1' \(001_users\) changed since it was recorded in migrations\.lock\.json", edited.Output);

        // A property is not a compile input: without --no-incremental an up-to-date build would not compile at all.
        var strict = (await consumer.BuildAsync("--no-incremental", "-p:WarningsAsErrors=SG0101")).Failed();
        Assert.Contains("error SG0101", strict.Output);

        File.WriteAllText(Path.Combine(consumer.Directory, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.SG0101.severity = error\n");
        Assert.Contains("error SG0101", (await consumer.BuildAsync()).Failed().Output);
        File.Delete(Path.Combine(consumer.Directory, ".editorconfig"));

        (await consumer.BuildAsync("-t:SchemaGenRecordMigrations")).Succeeded();
        Assert.NotEqual(recorded, File.ReadAllText(consumer.LockFile));
        Assert.DoesNotContain("SG0101", (await consumer.BuildAsync()).Succeeded().Output);
    }

    [Fact]
    public async Task The_schemagen_tool_installs_from_its_package_and_writes_the_next_migration_into_the_consumer()
    {
        using var consumer = ConsumerProject.Create(feed);
        var tools = Path.Combine(consumer.Directory, "tools");

        (await DotNet.RunAsync(consumer.Directory, "tool", "install", "SchemaGen.Tool", "--version", feed.Version, "--tool-path", tools)).Succeeded();
        var created = (await DotNet.RunToolAsync(Path.Combine(tools, "schemagen"), consumer.Directory, "new", "add_orders", "--cs")).Succeeded();
        (await consumer.BuildAsync()).Succeeded();
        var run = (await consumer.RunAsync()).Succeeded();

        Assert.Equal("Created AddOrders.cs: migration 3, 003_add_orders.\n", created.Output.Replace("\r", ""));
        Assert.Contains("namespace Consumer;", File.ReadAllText(Path.Combine(consumer.Directory, "AddOrders.cs")));
        Assert.Matches(@"^001_users sha256:[0-9a-f]{64}\n002_audit_log sha256:[0-9a-f]{64}\n003_add_orders sha256:[0-9a-f]{64}\n", run.Output.Replace("\r", ""));
    }

    [Fact]
    public async Task A_duplicate_number_fails_the_build_with_SG0001()
    {
        using var consumer = ConsumerProject.Create(feed);
        consumer.WriteMigration("AuditIndex.cs", 2, "audit_index", "CREATE INDEX ON audit_logs (id)");
        File.WriteAllText(Path.Combine(consumer.Directory, "Link.cs"), """
            [System.ComponentModel.DataAnnotations.Schema.Table("links")]
            public sealed class Link { public int Id { get; set; } public System.Uri? Target { get; set; } }
            """);

        var build = (await consumer.BuildAsync()).Failed();

        // The first of two is the one whose file path sorts first: AuditIndex.cs.
        Assert.Matches(
            @"AuditLog\.cs\(5,2\): error SG0001: Migration number 2 is used by both 'AuditIndexMigration2' and 'AuditLogMigration2'; give 'AuditLogMigration2' the number 3",
            build.Output);
        Assert.Contains("Link.cs(2,63): error SG0201: Property 'Link.Target' has type 'System.Uri?'", build.Output);
    }

    [Fact]
    public async Task Sql_files_in_the_migrations_folder_join_the_registry_and_a_misnamed_one_fails_the_build()
    {
        using var consumer = ConsumerProject.Create(feed, "<SchemaGenMigrationsFolder>Sql</SchemaGenMigrationsFolder>");
        Directory.CreateDirectory(Path.Combine(consumer.Directory, "Sql"));
        File.WriteAllText(Path.Combine(consumer.Directory, "Sql", "0003_notes_index.sql"), "-- transactional: false\nCREATE INDEX CONCURRENTLY idx_notes ON notes (id);\n");
        File.WriteAllText(Path.Combine(consumer.Directory, "Migrations.sql"), "SELECT 'outside the folder: not a migration';");

        (await consumer.BuildAsync()).Succeeded();
        var run = (await consumer.RunAsync()).Succeeded();
        Assert.Matches(@"^001_users sha256:[0-9a-f]{64}\n002_audit_log sha256:[0-9a-f]{64}\n003_notes_index v2:sha256:[0-9a-f]{64}\n", run.Output.Replace("\r", ""));

        File.WriteAllText(Path.Combine(consumer.Directory, "Sql", "notes_seed.sql"), "INSERT INTO notes VALUES (1);");
        var build = (await consumer.BuildAsync()).Failed();
        Assert.Contains("notes_seed.sql(1,1): error SG0008: 'notes_seed.sql' is in the migrations folder but is not named like a migration", build.Output);
    }
}
