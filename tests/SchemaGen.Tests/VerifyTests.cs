using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>VerifyAsync, the CI and readiness gate: up to date, pending or drifted, and which migrations make it so.</summary>
public class VerifyTests
{
    [Fact]
    public async Task A_database_is_pending_until_migrated_and_up_to_date_after()
    {
        await using var db = await TestDatabase.CreateAsync();
        var runner = new MigrationRunner(db, Tables(3));

        var before = await runner.VerifyAsync();
        await new MigrationRunner(db, Tables(2)).RunAsync();
        var between = await runner.VerifyAsync();
        await runner.RunAsync();
        var after = await runner.VerifyAsync();

        Assert.Equal((DatabaseState.Pending, 1, "001_table_1 002_table_2 003_table_3"), (before.State, before.ExitCode, Ids(before)));
        Assert.Equal((DatabaseState.Pending, "003_table_3"), (between.State, Ids(between)));
        Assert.Equal((DatabaseState.UpToDate, 0, ""), (after.State, after.ExitCode, Ids(after)));
    }

    [Fact]
    public async Task An_edited_migration_is_drift_unless_checksum_changes_are_allowed()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Tables(2)).RunAsync();
        var edited = new[] { Tables(2)[0], Sql(2, "table_2", "CREATE TABLE t2 (id int, note text)") };

        var strict = await new MigrationRunner(db, edited).VerifyAsync();
        var lenient = await new MigrationRunner(db, edited, new MigrationRunnerOptions { AllowChecksumMismatch = true }).VerifyAsync();

        Assert.Equal((DatabaseState.Drifted, 2, "002_table_2"), (strict.State, strict.ExitCode, Ids(strict)));
        Assert.Equal(DatabaseState.UpToDate, lenient.State);
    }

    [Fact]
    public async Task A_failed_migration_is_drift_even_with_others_pending()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = new[] { Sql(1, "breaks", "CREATE TABLE a (id int); SELECT 1/0", transactional: false), Sql(2, "later", "CREATE TABLE b (id int)") };
        await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, migrations).RunAsync());

        var verification = await new MigrationRunner(db, migrations).VerifyAsync();

        Assert.Equal((DatabaseState.Drifted, "001_breaks"), (verification.State, Ids(verification)));
    }

    [Fact]
    public async Task Rows_a_newer_build_applied_do_not_count_against_an_older_one()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Tables(3)).RunAsync();

        var older = await new MigrationRunner(db, Tables(2)).VerifyAsync();

        Assert.Equal(DatabaseState.UpToDate, older.State);
    }

    private static string Ids(MigrationVerification verification) => string.Join(' ', verification.Problems.Select(p => p.Id));
}
