using Npgsql;

namespace SchemaGen.Tests;

/// <summary>
/// Models that drive migrations, end to end in a real project built with dotnet: a released auto-schema migration frozen in the
/// lock file, a model edited, SG0208 at build, <c>new --from-model</c> writing the migration, a database with the released
/// schema migrated to the model, and a fresh database replaying the history to exactly the same schema.
/// </summary>
public class ModelDrivenMigrationTests
{
    private static readonly string Tool = Repository.BuildOutput("src/SchemaGen.Tool", "SchemaGen.Tool.dll");

    private const string Program = """
        await using var db = Npgsql.NpgsqlDataSource.Create(args[0]);
        var runner = new SchemaGen.MigrationRunner(db, SchemaGen.Generated.MigrationRegistry.All);
        var report = await runner.RunAsync();
        var schema = await runner.VerifySchemaAsync();
        Console.WriteLine($"applied: {string.Join(",", report.Applied.Select(a => a.Migration.Id))}");
        Console.WriteLine(schema.IsClean ? "schema: clean" : "schema: " + string.Join("; ", schema.Differences));
        """;

    private const string Migration = """
        using SchemaGen;

        namespace Shop.Migrations;

        [Migration(1, "customers", Description = "Customers from the model")]
        public sealed class Customers : Migration
        {
            public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                => await context.AutoSchemaAsync(cancellationToken);
        }
        """;

    private const string Released = """
        using System.ComponentModel.DataAnnotations;
        using System.ComponentModel.DataAnnotations.Schema;
        using SchemaGen;

        namespace Shop.Models;

        [Table("customers")]
        public class Customer
        {
            public long Id { get; set; }
            [Required, StringLength(200)] public string Email { get; set; } = "";
            public DateTimeOffset? JoinedAt { get; set; }
        }
        """;

    [Fact]
    public async Task An_edited_model_becomes_a_migration_that_takes_a_released_database_and_a_fresh_one_to_the_same_schema()
    {
        using var project = TestProject.Create(Program);
        project.Write("Migrations/Customers.cs", Migration);
        project.Write("Models/Customer.cs", Released);
        var record = await project.DotnetAsync("build", "-t:SchemaGenRecordMigrations");
        Assert.True(record.ExitCode == 0, record.Output);
        Assert.Contains("\"autoSchema\": [", project.Read("migrations.lock.json"));
        Assert.True((await project.DotnetAsync("build")).ExitCode == 0);
        var production = await TestDatabase.CreateConnectionStringAsync();
        var released = await RunAsync(project, production);
        await using (var db = NpgsqlDataSource.Create(production))
        {
            await db.ExecuteAsync("INSERT INTO customers (email) VALUES ('ada@example.com')");
        }

        project.Write("Models/Customer.cs", Released
            .Replace("[Table(\"customers\")]", "[Table(\"customers\")]\n[Index(nameof(Email), Name = \"ix_customers_email\", IsUnique = true)]")
            .Replace("StringLength(200)", "StringLength(320)")
            .Replace("    public DateTimeOffset? JoinedAt", "    [DefaultValueSql(\"0\")] public int Points { get; set; }\n    public string? Phone { get; set; }\n    [DefaultValueSql(\"gen_random_uuid()\")] public Guid Token { get; set; }\n    public DateTimeOffset? JoinedAt")
            + """


            [Table("orders")]
            public class Order
            {
                public long Id { get; set; }
                [ForeignKey(nameof(Customer))] public long CustomerId { get; set; }
                public Customer? Customer { get; set; }
                public decimal Total { get; set; }
            }
            """);
        var edited = await project.DotnetAsync("build");
        var written = await ToolAsync(project, "new", "--from-model");
        var fixedBuild = await project.DotnetAsync("build", "-warnaserror");
        var upgraded = await RunAsync(project, production);
        var fresh = await TestDatabase.CreateConnectionStringAsync();
        var replayed = await RunAsync(project, fresh);
        var nothingLeft = await ToolAsync(project, "new", "--from-model");

        Assert.Equal("applied: 001_customers\nschema: clean", released);
        Assert.Contains("warning SG0208: Table 'customers': no migration adds column points;", edited.Output);
        Assert.Contains("warning SG0208: Table 'customers': no migration creates index ix_customers_email;", edited.Output);
        Assert.Contains("warning SG0208: Table 'orders': no migration creates this table;", edited.Output);
        Assert.True(written.ExitCode == 0, written.Output);
        Assert.Contains("Created Migrations/0002_update_models.sql from the [Table] models.", written.Output);
        Assert.Contains("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_customers_email ON customers (email);", project.Read("Migrations/0002_update_models.sql"));
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.Output);
        Assert.Equal("applied: 002_update_models\nschema: clean", upgraded);
        Assert.Equal("applied: 001_customers,002_update_models\nschema: clean", replayed);
        Assert.Equal(await CatalogAsync(production, "customers", "orders"), await CatalogAsync(fresh, "customers", "orders"));
        Assert.Contains("customers.points integer NOT NULL default 0", await CatalogAsync(fresh, "customers", "orders"));
        Assert.Contains("customers.token uuid NOT NULL default gen_random_uuid()", await CatalogAsync(fresh, "customers", "orders"));
        Assert.Contains("customers.email character varying NOT NULL", await CatalogAsync(fresh, "customers", "orders"));
        await using (var db = NpgsqlDataSource.Create(production))
        {
            Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM customers WHERE token IS NOT NULL AND points = 0"));
            Assert.Equal(320, await db.ScalarAsync<int>("SELECT character_maximum_length FROM information_schema.columns WHERE table_name = 'customers' AND column_name = 'email'"));
        }
        Assert.Contains("Nothing to write: the [Table] models match the schema the migrations build", nothingLeft.Output);
    }

    [Fact]
    public async Task In_the_audit_log_sample_a_model_edit_becomes_a_migration_for_its_released_database_and_a_fresh_one()
    {
        var sample = CopyOfAuditLogSample();
        try
        {
            var production = await TestDatabase.CreateConnectionStringAsync();
            var released = await ChildProcess.RunAsync("dotnet", Repository.BuildOutput("samples/AuditLog", "AuditLog.dll"), "migrate", "--connection", production);
            Assert.True(released.ExitCode == 0, released.Output);
            var model = Path.Combine(sample, "Models", "AuditLogEntry.cs");
            File.WriteAllText(model, File.ReadAllText(model)
                .Replace("[Index(nameof(Severity), Name = \"idx_audit_logs_severity\")]", "[Index(nameof(Severity), Name = \"idx_audit_logs_severity\")]\n[Index(nameof(UserId), Name = \"idx_audit_logs_user_id\")]")
                .Replace("    [StringLength(100)]\n    public string? ResourceType", "    [StringLength(500)]\n    public string? UserAgent { get; set; }\n\n    [StringLength(100)]\n    public string? ResourceType"));

            var edited = await ChildProcess.RunAsync("dotnet", "build", sample);
            var written = await ChildProcess.RunAsync("dotnet", Tool, "new", "--from-model", "--project", sample);
            var rebuilt = await ChildProcess.RunAsync("dotnet", "build", sample, "-warnaserror");
            var app = Path.Combine(sample, "bin", "Debug", "net10.0", "AuditLog.dll");
            var upgraded = await ChildProcess.RunAsync("dotnet", app, "migrate", "--connection", production);
            var upgradedSchema = await ChildProcess.RunAsync("dotnet", app, "verify", "--schema", "--connection", production);
            var fresh = await TestDatabase.CreateConnectionStringAsync();
            var replayed = await ChildProcess.RunAsync("dotnet", app, "migrate", "--connection", fresh);
            var freshSchema = await ChildProcess.RunAsync("dotnet", app, "verify", "--schema", "--connection", fresh);

            // The repository treats warnings as errors, so the edited sample does not build until the migration exists.
            Assert.NotEqual(0, edited.ExitCode);
            Assert.Contains("Models/AuditLogEntry.cs(36,20): error SG0208: Table 'audit_logs': no migration adds column user_agent;", edited.Output);
            Assert.Contains("Models/AuditLogEntry.cs(13,2): error SG0208: Table 'audit_logs': no migration creates index idx_audit_logs_user_id;", edited.Output);
            Assert.True(written.ExitCode == 0, written.Output);
            Assert.Contains("Created Migrations/0004_update_audit_logs.sql from the [Table] models.", written.Output);
            Assert.True(rebuilt.ExitCode == 0, rebuilt.Output);
            Assert.True(upgraded.ExitCode == 0, upgraded.Output);
            Assert.Contains("004_update_audit_logs", upgraded.Output);
            Assert.True(upgradedSchema.ExitCode == 0, upgradedSchema.Output);
            Assert.True(replayed.ExitCode == 0, replayed.Output);
            Assert.True(freshSchema.ExitCode == 0, freshSchema.Output);
            Assert.Equal(await CatalogAsync(production, "audit_logs", "users"), await CatalogAsync(fresh, "audit_logs", "users"));
            Assert.EndsWith("audit_logs.user_agent character varying", (await CatalogAsync(fresh, "audit_logs")).Split('\n').Last(line => line.StartsWith("audit_logs.", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(sample, recursive: true);
        }
    }

    /// <summary>The audit-log sample in a folder of its own, its references pointing at this repository's built projects, which it does not build again.</summary>
    private static string CopyOfAuditLogSample()
    {
        var root = Repository.Root();
        var source = Path.Combine(root, "samples", "AuditLog");
        var copy = Directory.CreateTempSubdirectory("schemagen-auditlog-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }

        foreach (var shared in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(root, shared), Path.Combine(copy, shared));
        }

        var project = Path.Combine(copy, "AuditLog.csproj");
        File.WriteAllText(project, File.ReadAllText(project)
            .Replace("..\\..\\", root + "/")
            .Replace("..\\ThrowawayPostgres", root + "/samples/ThrowawayPostgres")
            .Replace("<OutputType>Exe</OutputType>", "<OutputType>Exe</OutputType>\n    <BuildProjectReferences>false</BuildProjectReferences>"));
        return copy;
    }

    /// <summary>Every column in order with its type, nullability and default, and every index: what the two databases must share.</summary>
    private static async Task<string> CatalogAsync(string connectionString, params string[] tables)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var columns = await db.ListAsync("""
            SELECT table_name || '.' || column_name || ' ' || data_type || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END || coalesce(' default ' || column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY(@tables) ORDER BY table_name, ordinal_position
            """, ("tables", tables));
        var indexes = await db.ListAsync("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY(@tables) ORDER BY indexname", ("tables", tables));
        var constraints = await db.ListAsync("SELECT conname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname = ANY(@tables) ORDER BY conname", ("tables", tables));
        return string.Join("\n", columns.Concat(indexes).Concat(constraints));
    }

    private static async Task<string> RunAsync(TestProject project, string connectionString)
    {
        var run = await ChildProcess.RunAsync("dotnet", Path.Combine(project.Directory, "bin", "Debug", "net10.0", "App.dll"), connectionString);
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Output.Trim().ReplaceLineEndings("\n");
    }

    private static Task<(int ExitCode, string Output)> ToolAsync(TestProject project, params string[] arguments)
        => ChildProcess.RunAsync("dotnet", [Tool, .. arguments, "--project", project.Directory]);
}
