using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>The ledger and the build disagree: edited, renamed, unknown and out-of-order migrations.</summary>
public class ValidationTests
{
    [Fact]
    public async Task An_applied_migration_whose_checksum_changed_is_an_error_naming_it_and_both_checksums()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, [Sql(1, "users", "CREATE TABLE users (id int)"), Sql(2, "audit_log", "CREATE TABLE audit_logs (id int)")]).RunAsync();
        var edited = new[] { Sql(1, "users", "CREATE TABLE users (id bigint)"), Sql(2, "audit_log", "CREATE TABLE audit_logs (id int)"), Sql(3, "more", "CREATE TABLE more (id int)") };

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, edited).RunAsync());

        Assert.Equal("001_users", error.MigrationId);
        Assert.Contains($"was applied with checksum {Sql(1, "users", "CREATE TABLE users (id int)").Checksum}, but this build's code has {edited[0].Checksum}", error.Message);
        Assert.Contains("Revert the edit and put the change in a new migration", error.Message);
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('more')::text"));
    }

    [Fact]
    public async Task A_checksum_mismatch_can_be_allowed_and_is_then_logged_as_a_warning()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, [Sql(1, "users", "CREATE TABLE users (id int)")]).RunAsync();
        var logger = new CapturingLogger();
        var edited = new[] { Sql(1, "users", "CREATE TABLE users (id integer)"), Sql(2, "more", "CREATE TABLE more (id int)") };

        var report = await new MigrationRunner(db, edited, new MigrationRunnerOptions { AllowChecksumMismatch = true }, logger).RunAsync();

        Assert.Equal(["002_more"], report.Applied.Select(a => a.Migration.Id));
        Assert.Contains(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.StartsWith("Checksum of applied migration 001_users differs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_renamed_applied_migration_is_an_error()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, [Sql(1, "users", "CREATE TABLE users (id int)")]).RunAsync();

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, [Sql(1, "people", "CREATE TABLE users (id int)")]).RunAsync());

        Assert.Equal("The database recorded migration 1 as 001_users, but in this build migration 1 is 001_people: an applied migration was renamed or renumbered. Restore it as it was, and give the new migration the next free number.", error.Message);
    }

    [Fact]
    public async Task Migrations_applied_by_a_newer_build_are_a_warning_and_nothing_runs()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Tables(3)).RunAsync();
        var logger = new CapturingLogger();

        var report = await new MigrationRunner(db, Tables(2), logger: logger).RunAsync();

        Assert.Empty(report.Applied);
        Assert.Contains(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Message.StartsWith("The database has 1 applied migration(s) this build does not know, the newest 003_table_3", StringComparison.Ordinal));
        Assert.Equal(MigrationState.Unknown, (await new MigrationRunner(db, Tables(2)).GetStatusAsync())[2].State);
    }

    [Fact]
    public async Task Nothing_is_applied_below_an_unknown_newer_migration()
    {
        await using var db = await TestDatabase.CreateAsync();
        var newer = Tables(1).Append(Sql(2, "from_newer_build", "CREATE TABLE newer (id int)")).ToArray();
        await new MigrationRunner(db, newer).RunAsync();
        var olderBranch = Tables(1).Append(Sql(2, "table_2_elsewhere", "CREATE TABLE elsewhere (id int)")).ToArray();
        await db.ExecuteAsync("UPDATE schema_migrations SET number = 5, migration_name = '005_from_newer_build' WHERE number = 2");

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, olderBranch).RunAsync());

        Assert.Equal("002_table_2_elsewhere", error.MigrationId);
        Assert.Contains("the database already has 005_from_newer_build applied", error.Message);
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('elsewhere')::text"));
    }

    [Fact]
    public async Task A_pending_migration_below_the_highest_applied_is_an_error_unless_allowed()
    {
        await using var db = await TestDatabase.CreateAsync();
        var all = Tables(3);
        await new MigrationRunner(db, [all[0], all[2]], new MigrationRunnerOptions()).RunAsync();

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, all).RunAsync());
        Assert.Equal("002_table_2", error.MigrationId);
        Assert.Contains("Renumber it above 3, or set MigrationRunnerOptions.AllowOutOfOrder", error.Message);

        var report = await new MigrationRunner(db, all, new MigrationRunnerOptions { AllowOutOfOrder = true }).RunAsync();
        Assert.Equal(["002_table_2"], report.Applied.Select(a => a.Migration.Id));
    }
}
