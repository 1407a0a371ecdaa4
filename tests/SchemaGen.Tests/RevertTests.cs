using Npgsql;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>Reverting against a real PostgreSQL: what it undoes, what it refuses before running anything, and what a failed down leaves.</summary>
public class RevertTests
{
    private static readonly MigrationDescriptor[] Build =
    [
        Reversible(1, "users", "CREATE TABLE users (id int PRIMARY KEY)", "DROP TABLE users"),
        Reversible(2, "notes", "CREATE TABLE notes (id int, body text)", "DROP TABLE notes"),
        Reversible(3, "notes_index", "CREATE INDEX CONCURRENTLY notes_id ON notes (id)", "DROP INDEX CONCURRENTLY notes_id", transactional: false),
    ];

    private const string Schema = """
        SELECT coalesce(string_agg(relname::text, ',' ORDER BY relname), '') FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relname NOT LIKE 'schema_migrations%'
        """;

    [Fact]
    public async Task Revert_undoes_the_newest_migration_and_to_undoes_every_one_above_it_newest_first_and_migrate_applies_them_again()
    {
        await using var db = await TestDatabase.CreateAsync();
        var logger = new CapturingLogger();
        var runner = new MigrationRunner(db, Build, logger: logger);
        await runner.RunAsync();

        var newest = await runner.RevertAsync();
        var schemaAfterNewest = await db.ScalarAsync<string>(Schema);
        var rest = await runner.RevertAsync(to: 0);
        var verifyEmpty = await runner.VerifyAsync();
        var again = await runner.RunAsync();

        Assert.Equal(["003_notes_index"], newest.Reverted.Select(r => r.Migration.Id));
        Assert.Equal("notes,users,users_pkey", schemaAfterNewest);
        Assert.Equal(["002_notes", "001_users"], rest.Reverted.Select(r => r.Migration.Id));
        Assert.Equal(DatabaseState.Pending, verifyEmpty.State);
        Assert.Equal(3, verifyEmpty.Problems.Count);
        Assert.Equal(3, again.Applied.Count);
        Assert.Equal(DatabaseState.UpToDate, (await runner.VerifyAsync()).State);
        Assert.Equal(
            ["◀ 003_notes_index: reverting", "◀ 002_notes: reverting", "◀ 001_users: reverting"],
            logger.Messages.Where(m => m.StartsWith('◀')));
        Assert.Contains("Revert summary: 2 migration(s) reverted, 0 recorded in the ledger", logger.Messages);
    }

    [Fact]
    public async Task A_migration_with_no_down_refuses_the_whole_revert_before_anything_runs_and_names_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        MigrationDescriptor[] build = [Build[0], Sql(2, "notes", "CREATE TABLE notes (id int)"), Build[2]];
        await new MigrationRunner(db, build).RunAsync();

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, build).RevertAsync(to: 0));

        Assert.Equal("002_notes", error.MigrationId);
        Assert.StartsWith("002_notes has no down, so the revert would stop at it: nothing was reverted. Write its down (override DownAsync, or add a 0002_notes.down.sql file)", error.Message);
        Assert.EndsWith("or keep it (call RevertAsync(to: 2) reverts only the migrations above it).", error.Message);
        Assert.Equal("notes,notes_id,users,users_pkey", await db.ScalarAsync<string>(Schema));
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_migration_a_newer_build_applied_or_one_edited_since_is_refused_before_anything_runs()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Build).RunAsync();

        var newer = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, Build[..2]).RevertAsync(to: 1));
        var edited = await Assert.ThrowsAsync<MigrationValidationException>(() =>
            new MigrationRunner(db, [Build[0], Reversible(2, "notes", "CREATE TABLE notes (id bigint)", "DROP TABLE notes"), Build[2]]).RevertAsync(to: 1));

        Assert.StartsWith("003_notes_index was applied by a newer build, whose down this build does not have", newer.Message);
        Assert.StartsWith("Migration 002_notes was applied with checksum", edited.Message);
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal("notes,notes_id,users,users_pkey", await db.ScalarAsync<string>(Schema));
    }

    [Fact]
    public async Task A_ledger_with_a_failed_migration_is_refused_before_anything_runs_naming_the_repair()
    {
        await using var db = await TestDatabase.CreateAsync();
        MigrationDescriptor[] build = [Build[0], Build[1], Reversible(3, "notes_index", "CREATE INDEX CONCURRENTLY notes_id ON notes (nope)", "DROP INDEX CONCURRENTLY notes_id", transactional: false)];
        await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, build).RunAsync());

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, build).RevertAsync(to: 0));

        Assert.StartsWith("Migration 003_notes_index did not complete in an earlier run (failed:", error.Message);
        Assert.Contains("MigrationRunner.ResolveAsync(3, MigrationResolution.Retry)", error.Message);
        Assert.Equal(["001_users applied", "002_notes applied", "003_notes_index failed"], await db.ListAsync("SELECT migration_name || ' ' || status FROM schema_migrations ORDER BY number"));
        Assert.Equal("notes,users,users_pkey", await db.ScalarAsync<string>(Schema));
    }

    [Fact]
    public async Task A_failing_transactional_down_changes_nothing_and_those_reverted_before_it_stay_reverted()
    {
        await using var db = await TestDatabase.CreateAsync();
        MigrationDescriptor[] build = [Build[0], Reversible(2, "notes", "CREATE TABLE notes (id int, body text)", "DROP TABLE notes; SELECT 1/0"), Build[2]];
        await new MigrationRunner(db, build).RunAsync();

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, build).RevertAsync(to: 0));

        Assert.Equal("002_notes", error.MigrationId);
        Assert.StartsWith("Reverting migration 002_notes failed: division by zero (SQLSTATE 22012)", error.Message);
        Assert.Contains("nothing of it was applied and the migration stays applied", error.Message);
        Assert.Equal("notes,users,users_pkey", await db.ScalarAsync<string>(Schema));
        Assert.Equal(["001_users applied", "002_notes applied"], await db.ListAsync("SELECT migration_name || ' ' || status FROM schema_migrations ORDER BY number"));
        Assert.Equal(DatabaseState.UpToDate, (await new MigrationRunner(db, build[..2]).VerifyAsync()).State);
    }

    [Fact]
    public async Task A_failing_non_transactional_down_is_recorded_failed_and_runs_stop_at_it_until_it_is_repaired()
    {
        await using var db = await TestDatabase.CreateAsync();
        MigrationDescriptor[] build = [Build[0], Build[1], Reversible(3, "notes_index", "CREATE INDEX CONCURRENTLY notes_id ON notes (id)", "DROP INDEX CONCURRENTLY notes_id; SELECT 1/0", transactional: false)];
        await new MigrationRunner(db, build).RunAsync();

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, build).RevertAsync());
        var run = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, build).RunAsync());
        await new MigrationRunner(db, build).ResolveAsync(3, MigrationResolution.Retry);
        var again = await new MigrationRunner(db, build).RunAsync();

        Assert.Contains("part of it may have run", error.Message);
        Assert.Contains("its down failed part-way: division by zero", run.Message);
        Assert.Equal(["003_notes_index"], again.Applied.Select(a => a.Migration.Id));
        Assert.Equal("notes,notes_id,users,users_pkey", await db.ScalarAsync<string>(Schema));
    }

    [Fact]
    public async Task A_down_killed_in_its_transaction_leaves_the_migration_applied_and_nothing_lost()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();
        var app = Repository.BuildOutput("samples/AuditLog", "AuditLog.dll");
        Assert.Equal(0, (await ChildProcess.RunAsync("dotnet", app, "migrate", "--connection", connection)).ExitCode);
        await using var db = NpgsqlDataSource.Create(connection);
        await using var reader = await db.OpenConnectionAsync();
        await using var holding = await reader.BeginTransactionAsync();
        await using (var read = new NpgsqlCommand("LOCK TABLE security_events IN ACCESS SHARE MODE", reader, holding))
        {
            await read.ExecuteNonQueryAsync();
        }

        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[app, "revert", "--connection", connection])
        {
            start.ArgumentList.Add(argument);
        }

        using var revert = System.Diagnostics.Process.Start(start)!;
        await WaitUntilAsync(async () => await db.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%DROP VIEW security_events%'") == 1);
        revert.Kill(entireProcessTree: true);
        await revert.WaitForExitAsync();
        await holding.RollbackAsync();

        Assert.Equal(["001_users applied", "002_audit_log applied", "003_security_events applied"], await db.ListAsync("SELECT migration_name || ' ' || status FROM schema_migrations ORDER BY number"));
        Assert.NotNull(await db.ScalarAsync<string>("SELECT to_regclass('security_events')::text"));
        var verify = await ChildProcess.RunAsync("dotnet", app, "verify", "--connection", connection);
        Assert.Equal((0, "Up to date.\n"), verify);
    }

    [Fact]
    public async Task The_revert_verb_says_what_it_would_revert_names_itself_in_refusals_and_its_script_run_by_psql_leaves_what_it_leaves()
    {
        var reverted = await TestDatabase.CreateConnectionStringAsync();
        var scripted = await TestDatabase.CreateConnectionStringAsync();
        foreach (var connection in (string[])[reverted, scripted])
        {
            await InProcessVerbs.RunAsync(["migrate", "--connection", connection], Build);
        }

        var dryRun = await InProcessVerbs.RunAsync(["revert", "--to", "1", "--dry-run", "--connection", reverted], Build);
        var revert = await InProcessVerbs.RunAsync(["revert", "--to", "1", "--connection", reverted], Build);
        var script = await InProcessVerbs.RunAsync(["script", "--revert", "--to", "1", "--connection", scripted], Build);
        var psql = await PostgresTools.PsqlFileAsync(scripted, script.Output);
        var irreversible = await TestDatabase.CreateConnectionStringAsync();
        MigrationDescriptor[] noDown = [Build[0], Sql(2, "notes", "CREATE TABLE notes (id int, body text)")];
        await InProcessVerbs.RunAsync(["migrate", "--connection", irreversible], noDown);
        var refused = await InProcessVerbs.RunAsync(["revert", "--connection", irreversible], noDown);

        Assert.Equal((0, "Dry run: would revert, newest first: 003_notes_index, 002_notes. Nothing was reverted.\n"), (dryRun.ExitCode, dryRun.Output));
        Assert.Equal(0, revert.ExitCode);
        Assert.Contains("Reverted 2 migration(s) in", revert.Output);
        Assert.Contains("-- revert 003_notes_index (not transactional: marked as being reverted, then each statement commits on its own)\nSET lock_timeout = 5000;", script.Output);
        Assert.Contains("-- revert 002_notes\nBEGIN;", script.Output);
        Assert.True(psql.ExitCode == 0, psql.Error);
        Assert.Equal(await PostgresTools.SchemaAsync(reverted), await PostgresTools.SchemaAsync(scripted));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("revert: 002_notes has no down", refused.Error);
        Assert.Contains("or keep it (run 'app revert --to 2' (in code: call RevertAsync(to: 2)) reverts only the migrations above it)", refused.Error);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the revert never started waiting for the lock");
            await Task.Delay(50);
        }
    }
}
