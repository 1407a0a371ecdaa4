using Npgsql;
using SchemaGen.Hosting;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>The verbs an app runs from its own binary, invoked as its Program.cs would, output captured.</summary>
public class MigrationCommandsTests
{
    [Fact]
    public async Task Arguments_that_start_with_no_verb_leave_the_app_to_run_as_usual()
    {
        Assert.Null(await MigrationCommands.TryRunAsync([], Tables(1)));
        Assert.Null(await MigrationCommands.TryRunAsync(["--urls", "http://localhost:5000"], Tables(1)));
    }

    [Fact]
    public async Task Verify_exits_1_while_pending_migrate_applies_and_logs_each_step_then_verify_exits_0()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();

        var pending = await RunAsync(["verify", "--connection", connection], Tables(2));
        var migrate = await RunAsync(["migrate", "--connection", connection], Tables(2));
        var again = await RunAsync(["migrate", "--connection", connection], Tables(2));
        var upToDate = await RunAsync(["verify", "--connection", connection], Tables(2));

        Assert.Equal(1, pending.ExitCode);
        Assert.Contains("2 migration(s) pending:\n  001_table_1: pending\n  002_table_2: pending", pending.Output);
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("INFO  ▶ 001_table_1: Run table_1", migrate.Output);
        Assert.Contains("INFO  ✓ 002_table_2: Completed in", migrate.Output);
        Assert.Contains("Applied 2 migration(s) in", migrate.Output);
        Assert.Contains("Up to date: 2 migration(s) applied before, none pending.", again.Output);
        Assert.Equal((0, "Up to date.\n"), (upToDate.ExitCode, upToDate.Output));
    }

    [Fact]
    public async Task Verify_exits_2_when_an_applied_migration_was_edited()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();
        await RunAsync(["migrate", "--connection", connection], Tables(2));

        var drifted = await RunAsync(["verify", "--connection", connection], [Tables(2)[0], Sql(2, "table_2", "CREATE TABLE t2 (id bigint)")]);

        Assert.Equal(2, drifted.ExitCode);
        Assert.Contains("002_table_2: applied, edited since (checksum differs)", drifted.Output);
    }

    [Fact]
    public async Task Status_is_a_table_of_number_migration_state_applied_at_and_time()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();
        await RunAsync(["migrate", "--connection", connection], Tables(1));

        var status = await RunAsync(["status", "--connection", connection], Tables(2));

        var lines = status.Output.TrimEnd().Split('\n');
        Assert.Equal(0, status.ExitCode);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^number\s+migration\s+state\s+applied_at\s+time$", lines[0]);
        Assert.Matches(@"^     1\s+001_table_1\s+applied\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+\d+ ms$", lines[1]);
        Assert.Matches(@"^     2\s+002_table_2\s+pending$", lines[2]);
    }

    [Fact]
    public async Task Baseline_records_migrations_a_database_already_holds_logs_what_is_pending_and_migrate_applies_the_rest()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connection);
        await db.ExecuteAsync("CREATE TABLE t1 (id int); CREATE TABLE t2 (id int)");

        var refused = await RunAsync(["migrate", "--connection", connection], Tables(5));
        var baseline = await RunAsync(["baseline", "2", "--connection", connection], Tables(5));
        var twice = await RunAsync(["baseline", "2", "--connection", connection], Tables(5));
        var migrate = await RunAsync(["migrate", "--connection", connection], Tables(5));

        Assert.Contains("run 'app baseline N' (in code: set MigrationRunnerOptions.BaselineNumber = N)", refused.Error);
        Assert.Equal(0, baseline.ExitCode);
        Assert.Contains("INFO  Baseline: recorded 2 migration(s), up to 002_table_2, as applied without running them\n", baseline.Output);
        Assert.Contains("INFO  3 migration(s) pending, from 003_table_3: nothing was applied; a migrate run applies them\n", baseline.Output);
        Assert.DoesNotContain("Discovered", baseline.Output);
        Assert.DoesNotContain("up to date", baseline.Output);
        Assert.EndsWith("Recorded migrations 1 to 2 as applied without running them (baseline); 3 pending, which migrate applies.\n", baseline.Output);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("already records 2 migration(s), and a baseline or an import only fills an empty one", twice.Error);
        Assert.Equal(0, migrate.ExitCode);
        Assert.Equal(["1 baseline", "2 baseline", "3 applied", "4 applied", "5 applied"],
            await db.ListAsync("SELECT number || ' ' || CASE WHEN baseline THEN 'baseline' ELSE status END FROM schema_migrations ORDER BY number"));
    }

    [Fact]
    public async Task Import_prints_the_mapping_refuses_a_difference_and_imports_once_it_is_mapped()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connection);
        var rows = ForeignHistory.Sqlx();
        rows[129] = rows[129] with { Description = "create table one thirty" };
        await ForeignHistory.WriteAsync(db, MigrationHistorySource.Sqlx, rows);
        var mapping = Path.Combine(Path.GetTempPath(), $"schemagen-mapping-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(mapping, "# sqlx version, then migration number\n20240101013000\t130\n");

        var dryRun = await RunAsync(["import", "sqlx", "--dry-run", "--connection", connection], ForeignHistory.Build);
        var refused = await RunAsync(["import", "sqlx", "--connection", connection], ForeignHistory.Build);
        var ledgerAfterRefusal = await db.ScalarAsync<string>("SELECT to_regclass('schema_migrations')::text");
        var mapped = await RunAsync(["import", "sqlx", "--mapping", mapping, "--dry-run", "--connection", connection], ForeignHistory.Build);
        var imported = await RunAsync(["import", "sqlx", "--mapping", mapping, "--connection", connection], ForeignHistory.Build);
        var status = await RunAsync(["verify", "--connection", connection], ForeignHistory.Build);

        var lines = dryRun.Output.Split('\n');
        Assert.Equal(1, dryRun.ExitCode);
        Assert.Matches(@"^sqlx version\s+description\s+migration\s+checksum$", lines[0]);
        Assert.Matches(@"^20240101000100\s+create table 1\s+001_create_table_1\s+matches$", lines[1]);
        Assert.Matches(@"^20240101013000\s+create table one thirty\s+refused$", lines[130]);
        Assert.StartsWith("difference: sqlx version 20240101013000 (create table one thirty) matches no migration of this build by name", lines[201]);
        Assert.Contains("run 'app import sqlx --mapping FILE' with a line '20240101013000 NUMBER'", lines[201]);
        Assert.Contains("Dry run: 1 difference(s) refuse the import. Nothing was recorded.", dryRun.Output);
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("import: Cannot import the Sqlx history in _sqlx_migrations: 1 difference(s)", refused.Error);
        Assert.Null(ledgerAfterRefusal);
        Assert.Equal(0, mapped.ExitCode);
        Assert.Contains("Dry run: the import would record migrations 1 to 200 as applied without running them. Nothing was recorded.", mapped.Output);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("INFO  20 migration(s) pending, from 201_create_table_201: nothing was applied; a migrate run applies them", imported.Output);
        Assert.EndsWith("Recorded 200 migration(s) from the Sqlx history as applied without running them; migrate applies the rest.\n", imported.Output);
        Assert.Equal(1, status.ExitCode);
        File.Delete(mapping);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    public async Task Baseline_refuses_a_number_that_is_not_a_migration_of_this_build(string number)
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();

        var result = await RunAsync(["baseline", number, "--connection", connection], Tables(3));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"baseline: {number} is not a migration of this build; give a number from 1 to 3.", result.Error);
    }

    [Fact]
    public async Task A_failing_migration_exits_1_with_the_reason_and_no_connection_string_says_how_to_give_one()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();

        var failed = await RunAsync(["migrate", "--connection", connection], [Sql(1, "broken", "SELECT * FROM missing")]);
        var unconfigured = await RunAsync(["status"], Tables(1), connectionString: null);

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("Migration 001_broken failed: relation \"missing\" does not exist", failed.Error);
        Assert.Equal(1, unconfigured.ExitCode);
        Assert.Contains("No database: pass --connection", unconfigured.Error);
    }

    [Fact]
    public async Task The_apps_own_connection_string_is_used_when_none_is_passed()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();

        var result = await RunAsync(["migrate"], Tables(1), connectionString: connection);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Import_flyway_accepts_the_differences_named_by_number_and_no_other()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connection);
        var rows = ForeignHistory.Flyway();
        rows[129] = rows[129] with { Description = "create table one thirty" };
        rows[119] = rows[119] with { Checksum = "12345" };
        await ForeignHistory.WriteAsync(db, MigrationHistorySource.Flyway, rows);

        var one = await RunAsync(["import", "flyway", "--accept", "130", "--dry-run", "--connection", connection], ForeignHistory.Build);
        var both = await RunAsync(["import", "flyway", "--accept", "130", "--accept", "120", "--connection", connection], ForeignHistory.Build);

        Assert.Equal(1, one.ExitCode);
        Assert.Contains("\naccepted: Flyway version 130 (create table one thirty) maps to 130_create_table_130 by its version, but its name differs", one.Output);
        Assert.Contains("\ndifference: Flyway version 120 (create table 120) was applied with checksum 12345", one.Output);
        Assert.Contains("run 'app import flyway --accept 120' (in code: add 120 to MigrationRunnerOptions.ImportAcceptedDifferences)", one.Output);
        Assert.Equal(0, both.ExitCode);
        Assert.Contains("WARN  Importing although Flyway version 120 (create table 120) was applied with checksum 12345", both.Output + both.Error);
        Assert.Equal(200L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE baseline"));
    }

    [Fact]
    public async Task A_keyword_case_edit_verifies_clean_and_repair_checksum_shows_and_refuses_an_edit_the_database_sees_unless_forced()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();
        await RunAsync(["migrate", "--connection", connection], Tables(2));
        MigrationDescriptor[] recased = [Tables(2)[0], Sql(2, "table_2", "-- t2 holds ids\ncreate table T2 (ID INT)")];
        MigrationDescriptor[] indexed = [Tables(2)[0], Sql(2, "table_2", "CREATE TABLE t2 (id int);\nCREATE INDEX t2_id ON t2 (id);")];

        var afterCase = await RunAsync(["verify", "--connection", connection], recased);
        var drifted = await RunAsync(["verify", "--connection", connection], indexed);
        var refused = await RunAsync(["repair", "checksum", "2", "--connection", connection], indexed);
        var stillDrifted = await RunAsync(["verify", "--connection", connection], indexed);
        var forced = await RunAsync(["repair", "checksum", "2", "--force", "--connection", connection], indexed);
        var after = await RunAsync(["verify", "--connection", connection], indexed);
        var again = await RunAsync(["repair", "checksum", "2", "--connection", connection], indexed);

        Assert.Equal((0, "Up to date.\n"), InProcessVerbs.Short(afterCase));
        Assert.Equal(2, drifted.ExitCode);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("002_table_2 was edited after it ran, and the edit changes what the database runs:\n  statement 2: added «CREATE INDEX t2_id ON t2 (id)»\n", refused.Error);
        Assert.Contains("run 'app repair checksum 2 --force'", refused.Error);
        Assert.Equal(2, stillDrifted.ExitCode);
        Assert.Equal((0, "  statement 2: added «CREATE INDEX t2_id ON t2 (id)»\nRecorded this build's checksum for migration 002_table_2 (forced over 1 change(s) the database sees).\n"),
            (forced.ExitCode, forced.Output[forced.Output.IndexOf("  statement", StringComparison.Ordinal)..]));
        Assert.Equal(0, after.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("002_table_2 has no applied ledger row with a checksum other than this build's", again.Error);
    }

    [Fact]
    public async Task Repair_checksum_refuses_when_the_ledger_did_not_keep_the_sql_and_accepts_a_header_only_change()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connection);
        MigrationDescriptor[] build = [Sql(1, "a", "CREATE TABLE a (id int)"), Sql(2, "b", "CREATE TABLE b (id int)")];
        await RunAsync(["migrate", "--connection", connection], build);
        await db.ExecuteAsync("UPDATE schema_migrations SET applied_sql = NULL WHERE number = 1");
        MigrationDescriptor[] edited = [Sql(1, "a", "CREATE TABLE a (id int, b int)"), Sql(2, "b", "CREATE TABLE b (id int)", transactional: false)];

        var unknown = await RunAsync(["repair", "checksum", "1", "--connection", connection], edited);
        var header = await RunAsync(["repair", "checksum", "2", "--connection", connection], edited);
        var forced = await RunAsync(["repair", "checksum", "1", "--force", "--connection", connection], edited);

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("the ledger did not keep the SQL it was recorded with (a row from before SchemaGen kept it, or edited by hand), so what the edit changed cannot be shown", unknown.Error);
        Assert.EndsWith("Recorded this build's checksum for migration 002_b: the statements are the same as when it ran.\n", header.Output);
        Assert.EndsWith("Recorded this build's checksum for migration 001_a (forced: the SQL it ran is not kept, so what changed cannot be shown).\n", forced.Output);
        Assert.Equal((0, "Up to date.\n"), InProcessVerbs.Short(await RunAsync(["verify", "--connection", connection], edited)));
    }

    [Theory]
    [InlineData("applied", 0, "applied")]
    [InlineData("retry", 1, null)]
    public async Task Repair_settles_a_failed_non_transactional_migration(string resolution, int verifyAfter, string? statusAfter)
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();
        MigrationDescriptor[] build = [Sql(1, "breaks", "CREATE TABLE a (id int); SELECT 1/0", transactional: false)];
        await RunAsync(["migrate", "--connection", connection], build);

        var repaired = await RunAsync(["repair", resolution, "1", "--connection", connection], build);
        var verify = await RunAsync(["verify", "--connection", connection], build);
        var twice = await RunAsync(["repair", resolution, "1", "--connection", connection], build);

        await using var db = NpgsqlDataSource.Create(connection);
        Assert.Equal(0, repaired.ExitCode);
        Assert.Equal(verifyAfter, verify.ExitCode);
        Assert.Equal(statusAfter, await db.ScalarAsync<string>("SELECT status FROM schema_migrations WHERE number = 1"));
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("001_breaks is not recorded as failed", twice.Error);
    }

    private static Task<(int? ExitCode, string Output, string Error)> RunAsync(string[] args, IReadOnlyList<MigrationDescriptor> migrations, string? connectionString = null)
        => InProcessVerbs.RunAsync(args, migrations, connectionString);
}
