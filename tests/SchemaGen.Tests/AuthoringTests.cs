using SchemaGen.Hosting;

namespace SchemaGen.Tests;

/// <summary>
/// new and renumber on a real project folder, from the app's verbs and from the schemagen tool as a process, each followed by
/// a real build whose registry the app prints.
/// </summary>
public class AuthoringTests
{
    private const string PrintRegistry = "foreach (var m in SchemaGen.Generated.MigrationRegistry.All) System.Console.WriteLine($\"{m.Id} {(m.CompileTimeSql is null ? \"runtime\" : \"compile-time\")}\");";

    private static readonly string Tool = Repository.BuildOutput("src/SchemaGen.Tool", "SchemaGen.Tool.dll");

    [Fact]
    public async Task New_writes_the_next_migration_in_the_style_of_the_existing_ones_and_the_project_builds_with_it()
    {
        using var project = TestProject.Create(PrintRegistry);
        project.Write("Migrations/001_Users.cs", """
            using SchemaGen;

            namespace Shop.Data.Migrations
            {
                [Migration(1, "users")]
                internal sealed class Users : Migration
                {
                    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                        => context.ExecuteAsync("CREATE TABLE users (id bigint PRIMARY KEY)", cancellationToken);
                }
            }
            """);
        project.Write("Migrations/0002_notes.sql", "CREATE TABLE notes (id bigint PRIMARY KEY);\n");

        var sql = await InAppAsync(project, "new", "Add orders");
        var cs = await ToolAsync(project, "new", "AddInvoices", "--cs", "--description", "Invoices, with \"quotes\"");
        var taken = await ToolAsync(project, "new", "add_orders");
        var both = await ToolAsync(project, "new", "x", "--sql", "--cs");
        var unnamed = await InAppAsync(project, "new");
        var namedFromModel = await InAppAsync(project, "new", "x", "--from-model");
        var build = await project.DotnetAsync("run", "--project");

        Assert.Equal((0, "Created Migrations/0003_add_orders.sql: migration 3, 003_add_orders.\n"), (sql.ExitCode, sql.Output));
        Assert.Equal("-- description: Add orders\n", project.Read("Migrations/0003_add_orders.sql").Split('\n')[0] + "\n");
        Assert.Equal((0, "Created Migrations/004_AddInvoices.cs: migration 4, 004_add_invoices.\n"), (cs.ExitCode, cs.Output));
        var invoices = project.Read("Migrations/004_AddInvoices.cs");
        Assert.Contains("namespace Shop.Data.Migrations\n{\n    [Migration(4, \"add_invoices\", Description = \"Invoices, with \\\"quotes\\\"\")]\n    internal sealed class AddInvoices : Migration", invoices);
        Assert.Equal(1, taken.ExitCode);
        Assert.Contains("new: A migration is already named 'add_orders': 003_add_orders in Migrations/0003_add_orders.sql. Choose another name.", taken.Output);
        Assert.Equal(1, both.ExitCode);
        Assert.Equal((1, "new: give the migration's name (new add_orders), or --from-model.\n"), (unnamed.ExitCode, unnamed.Output));
        Assert.Equal((1, "new: --from-model names the migration itself; give no name.\n"), (namedFromModel.ExitCode, namedFromModel.Output));
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.EndsWith("001_users compile-time\n002_notes compile-time\n003_add_orders compile-time\n004_add_invoices compile-time\n", build.Output);
        Assert.DoesNotContain("warning SG", build.Output);
    }

    [Fact]
    public async Task After_a_merge_renumber_moves_the_unreleased_migrations_past_the_released_ones_and_the_build_passes_again()
    {
        using var project = TestProject.Create(PrintRegistry);
        project.Write("Migrations/0001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        project.Write("Migrations/0002_notes.sql", "CREATE TABLE notes (id bigint PRIMARY KEY);\n");
        var record = await project.DotnetAsync("build", "-t:SchemaGenRecordMigrations");
        // Two branches each added migration 3 while 1 and 2 were released; ours also added 4.
        project.Write("Migrations/0003_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        project.Write("Migrations/0004_orders_index.sql", "CREATE INDEX orders_id ON orders (id);\n");
        project.Write("Migrations/Invoices.cs", """
            using SchemaGen;

            namespace Shop.Migrations;

            [Migration(3, "invoices")]
            public sealed class Invoices : Migration
            {
                public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                    => context.ExecuteAsync("CREATE TABLE invoices (id bigint PRIMARY KEY)", cancellationToken);
            }
            """);

        var merged = await project.DotnetAsync("build");
        var dryRun = await ToolAsync(project, "renumber", "--dry-run");
        var renumber = await InAppAsync(project, "renumber");
        var again = await ToolAsync(project, "renumber");
        var build = await project.DotnetAsync("run", "--project");

        Assert.True(record.ExitCode == 0, record.Output);
        Assert.NotEqual(0, merged.ExitCode);
        Assert.Contains("error SG0001: Migration number 3 is used by both '0003_orders.sql' and 'Invoices'; give 'Invoices' the number 5", merged.Output);
        Assert.Contains("Dry run: 2 migration(s) would move. Nothing was changed.", dryRun.Output);
        Assert.Equal(
            "003_invoices → 004_invoices  (Migrations/Invoices.cs: [Migration(4, …)])\n" +
            "004_orders_index → 005_orders_index  (Migrations/0004_orders_index.sql → Migrations/0005_orders_index.sql)\n" +
            "Moved 2 migration(s). A database that applied one of them under its old number reports it renamed: recreate your development database.\n",
            renumber.Output);
        Assert.Contains("[Migration(4, \"invoices\")]", project.Read("Migrations/Invoices.cs"));
        Assert.Contains("Nothing to renumber", again.Output);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.EndsWith("001_users compile-time\n002_notes compile-time\n003_orders compile-time\n004_invoices compile-time\n005_orders_index compile-time\n", build.Output);
    }

    [Fact]
    public async Task Renumber_refuses_without_a_lock_file_and_over_a_released_migration_that_was_renamed()
    {
        using var project = TestProject.Create(PrintRegistry);
        project.Write("Migrations/0001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n");

        var unrecorded = await ToolAsync(project, "renumber");
        project.Write("migrations.lock.json", """{ "version": 1, "migrations": [ { "number": 1, "name": "accounts", "checksum": "v2:sha256:00" } ] }""");
        var renamed = await ToolAsync(project, "renumber");

        Assert.Equal(1, unrecorded.ExitCode);
        Assert.Contains("renumber: renumber needs migrations.lock.json, the record of released migrations", unrecorded.Output);
        Assert.Equal(1, renamed.ExitCode);
        Assert.Contains("Migration 1 is 'users' in Migrations/0001_users.sql, but the lock file records it released as 'accounts'", renamed.Output);
        Assert.True(File.Exists(Path.Combine(project.Directory, "Migrations/0001_users.sql")));
    }

    /// <summary>The verb through the app's own command line (the same code its binary runs), in the project's folder.</summary>
    private static async Task<(int ExitCode, string Output)> InAppAsync(TestProject project, params string[] arguments)
    {
        var output = new StringWriter { NewLine = "\n" };
        var exitCode = await MigrationCommands.TryRunAsync([.. arguments, "--project", project.Directory], [], new MigrationCommandSettings { Output = output, Error = output, AppName = "app" });
        return (exitCode!.Value, output.ToString());
    }

    /// <summary>The schemagen dotnet tool as a process, run in the project's folder as a developer would.</summary>
    private static async Task<(int ExitCode, string Output)> ToolAsync(TestProject project, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = project.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Tool, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }
}
