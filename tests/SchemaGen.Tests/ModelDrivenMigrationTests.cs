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

        project.Write("Models/Customer.cs", Released
            .Replace("[Table(\"customers\")]", "[Table(\"customers\")]\n[Index(nameof(Email), Name = \"ix_customers_email\", IsUnique = true)]")
            .Replace("    public DateTimeOffset? JoinedAt", "    [DefaultValueSql(\"0\")] public int Points { get; set; }\n    public string? Phone { get; set; }\n    public DateTimeOffset? JoinedAt")
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
        Assert.Equal(await CatalogAsync(production), await CatalogAsync(fresh));
        Assert.Contains("customers.points integer NOT NULL default 0", await CatalogAsync(fresh));
        Assert.Contains("The [Table] models match the schema the migrations build; nothing was written.", nothingLeft.Output);
    }

    /// <summary>Every column in order with its type, nullability and default, and every index: what the two databases must share.</summary>
    private static async Task<string> CatalogAsync(string connectionString)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var columns = await db.ListAsync("""
            SELECT table_name || '.' || column_name || ' ' || data_type || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END || coalesce(' default ' || column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN ('customers', 'orders') ORDER BY table_name, ordinal_position
            """);
        var indexes = await db.ListAsync("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('customers', 'orders') ORDER BY indexname");
        var constraints = await db.ListAsync("SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('customers'::regclass, 'orders'::regclass) ORDER BY conname");
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
