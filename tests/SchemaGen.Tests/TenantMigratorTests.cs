using Npgsql;
using SchemaGen.Hosting;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>Many databases, or many schemas of one: parallel, canary first, stop or continue on failure, and the report.</summary>
public class TenantMigratorTests
{
    [Fact]
    public async Task A_database_per_tenant_is_migrated_once_and_a_second_run_finds_every_one_up_to_date()
    {
        var targets = await DatabasesAsync(6);
        var migrator = new TenantMigrator(Tables(3), new TenantMigrationOptions { MaxParallelism = 3 });

        var first = await migrator.RunAsync(targets);
        var second = await migrator.RunAsync(targets);

        Assert.Equal(targets.Select(t => (t.Name, TargetOutcome.Migrated, 3)), first.Targets.Select(r => (r.Target.Name, r.Outcome, r.Applied)));
        Assert.All(second.Targets, r => Assert.Equal(TargetOutcome.UpToDate, r.Outcome));
        Assert.StartsWith("6 target(s): 6 migrated, 0 up to date, 0 failed, 0 not started, in ", first.Summary);
        foreach (var target in targets)
        {
            await using var db = NpgsqlDataSource.Create(target.ConnectionString);
            Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        }
    }

    [Fact]
    public async Task A_schema_per_tenant_gets_its_own_tables_and_ledger_through_its_search_path()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        MigrationTarget[] targets = [new("acme", connectionString, "tenant_acme"), new("globex", connectionString, "tenant_globex")];

        var report = await new TenantMigrator(Tables(2)).RunAsync(targets);

        await using var db = NpgsqlDataSource.Create(connectionString);
        Assert.True(report.Succeeded, report.Summary);
        Assert.Equal(
            ["tenant_acme.schema_migrations", "tenant_acme.schema_migrations_head", "tenant_acme.t1", "tenant_acme.t2",
             "tenant_globex.schema_migrations", "tenant_globex.schema_migrations_head", "tenant_globex.t1", "tenant_globex.t2"],
            await db.ListAsync("SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname LIKE 'tenant_%' ORDER BY 1"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM tenant_globex.schema_migrations"));
    }

    [Fact]
    public async Task A_failure_stops_new_targets_from_starting_unless_told_to_continue()
    {
        var targets = await DatabasesAsync(4);
        await using (var broken = NpgsqlDataSource.Create(targets[1].ConnectionString))
        {
            await broken.ExecuteAsync("CREATE TABLE unrelated (id int)");
        }

        var stopped = await new TenantMigrator(Tables(1), new TenantMigrationOptions { MaxParallelism = 1 }).RunAsync(targets);
        var continued = await new TenantMigrator(Tables(1), new TenantMigrationOptions { MaxParallelism = 1, ContinueOnFailure = true }).RunAsync(targets);

        Assert.Equal([TargetOutcome.Migrated, TargetOutcome.Failed, TargetOutcome.NotStarted, TargetOutcome.NotStarted], stopped.Targets.Select(r => r.Outcome));
        Assert.Contains("The database already has tables (public.unrelated)", stopped.Targets[1].Error);
        Assert.Equal([TargetOutcome.UpToDate, TargetOutcome.Failed, TargetOutcome.Migrated, TargetOutcome.Migrated], continued.Targets.Select(r => r.Outcome));
        Assert.False(continued.Succeeded);
    }

    [Fact]
    public async Task A_failing_canary_leaves_every_other_target_untouched()
    {
        var targets = await DatabasesAsync(3);
        var migrations = new[] { Sql(1, "broken", "SELECT * FROM missing") };

        var report = await new TenantMigrator(migrations, new TenantMigrationOptions { CanaryFirst = true, ContinueOnFailure = true }).RunAsync(targets);

        Assert.Equal([TargetOutcome.Failed, TargetOutcome.NotStarted, TargetOutcome.NotStarted], report.Targets.Select(r => r.Outcome));
        await using var untouched = NpgsqlDataSource.Create(targets[2].ConnectionString);
        Assert.Null(await untouched.ScalarAsync<string>("SELECT to_regclass('schema_migrations')::text"));
    }

    [Fact]
    public async Task The_tenants_verb_reads_its_targets_from_a_file_and_a_bad_line_is_named_without_its_password()
    {
        var targets = await DatabasesAsync(2);
        var file = Path.GetTempFileName();
        var badFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(file, ["# tenants", .. targets.Select(t => $"{t.Name}\t{t.ConnectionString}"), ""]);
            await File.WriteAllLinesAsync(badFile, ["acme Host=db;Password=hunter2"]);

            var (exitCode, output) = await RunAsync(["tenants", "--targets", file, "--parallel", "2"]);
            var (badExitCode, badOutput) = await RunAsync(["tenants", "--targets", badFile]);

            Assert.Equal(0, exitCode);
            Assert.Contains("2 target(s): 2 migrated, 0 up to date, 0 failed, 0 not started", output);
            Assert.Equal(1, badExitCode);
            Assert.Contains("Line 1 of the target list is not 'name<TAB>connection string'", badOutput);
            Assert.DoesNotContain("hunter2", badOutput);
        }
        finally
        {
            File.Delete(file);
            File.Delete(badFile);
        }
    }

    private static async Task<(int? ExitCode, string Output)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var exitCode = await MigrationCommands.TryRunAsync(args, Tables(1), new MigrationCommandSettings { Output = output, Error = output });
        return (exitCode, output.ToString());
    }

    private static async Task<MigrationTarget[]> DatabasesAsync(int count)
    {
        var targets = new MigrationTarget[count];
        for (var i = 0; i < count; i++)
        {
            targets[i] = new MigrationTarget($"tenant{i + 1}", await TestDatabase.CreateConnectionStringAsync());
        }

        return targets;
    }
}
