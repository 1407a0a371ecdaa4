using Npgsql;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>
/// The script verb's SQL run by psql, as a DBA runs it: it leaves the schema and the ledger a migrate run leaves, and changes
/// nothing on a database that is not in the state it was written for.
/// </summary>
public class ScriptTests
{
    private static readonly MigrationDescriptor[] Build =
    [
        Sql(1, "users", "CREATE TABLE users (id int PRIMARY KEY) -- the first table"),
        Constant(2, "notes", "CREATE TABLE notes (id int, body text DEFAULT 'it''s')", description: "Tenant's notes \\ with a backslash\nand a second line"),
        Sql(3, "notes_index", "-- transactional: false\nCREATE INDEX CONCURRENTLY notes_id ON notes (id);", transactional: false),
        Sql(4, "note_ids", "CREATE VIEW note_ids AS SELECT id FROM notes;\nCOMMENT ON VIEW note_ids IS 'ids';"),
    ];

    private const string LedgerRows = """
        SELECT concat_ws(' | ', number, migration_name, checksum, description, transactional, status, error, baseline, applied_by, encode(applied_sql, 'hex'))
        FROM schema_migrations ORDER BY number
        """;

    [Fact]
    public async Task A_script_of_an_empty_database_run_by_psql_leaves_the_schema_ledger_and_head_that_migrate_leaves()
    {
        var scripted = await TestDatabase.CreateConnectionStringAsync();
        var migrated = await TestDatabase.CreateConnectionStringAsync();

        var script = await InProcessVerbs.RunAsync(["script", "--connection", scripted], Build);
        var psql = await PostgresTools.PsqlFileAsync(scripted, script.Output);
        await InProcessVerbs.RunAsync(["migrate", "--connection", migrated], Build);

        Assert.Equal((0, ""), (script.ExitCode, script.Error));
        Assert.True(psql.ExitCode == 0, psql.Error);
        Assert.Contains("CREATE TABLE IF NOT EXISTS \"public\".\"schema_migrations\"", script.Output);
        Assert.Contains("BEGIN;\nSET LOCAL lock_timeout = 5000;\nCREATE TABLE users (id int PRIMARY KEY); -- the first table\nSET SESSION AUTHORIZATION DEFAULT;\nRESET ALL;\nINSERT INTO", script.Output);
        Assert.Contains("E'Tenant''s notes \\\\ with a backslash\\nand a second line'", script.Output);
        Assert.Equal(await PostgresTools.SchemaAsync(migrated), await PostgresTools.SchemaAsync(scripted));
        await using var viaScript = NpgsqlDataSource.Create(scripted);
        await using var viaMigrate = NpgsqlDataSource.Create(migrated);
        Assert.Equal(await viaMigrate.ListAsync(LedgerRows), await viaScript.ListAsync(LedgerRows));
        Assert.Equal(4, (await viaScript.ListAsync("SELECT migration_name FROM schema_migrations WHERE execution_time_ms >= 0")).Count);
        Assert.Equal(
            await viaMigrate.ListAsync("SELECT concat_ws(' ', row_count, unapplied_count, digest) FROM schema_migrations_head"),
            await viaScript.ListAsync("SELECT concat_ws(' ', row_count, unapplied_count, digest) FROM schema_migrations_head"));
        Assert.Equal((0, "Up to date.\n"), InProcessVerbs.Short(await InProcessVerbs.RunAsync(["verify", "--connection", scripted], Build)));
    }

    [Fact]
    public async Task A_script_run_on_a_ledger_that_moved_on_since_it_was_written_changes_nothing()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connection);
        await InProcessVerbs.RunAsync(["migrate", "--connection", connection], Build[..1]);
        var script = await InProcessVerbs.RunAsync(["script", "--connection", connection], Build);
        await InProcessVerbs.RunAsync(["migrate", "--connection", connection], Build[..2]);

        var psql = await PostgresTools.PsqlFileAsync(connection, script.Output);
        var again = await PostgresTools.PsqlFileAsync(connection, script.Output);

        Assert.Contains("-- to a database whose ledger records 1 migration(s), up to 001_users, and no other.", script.Output);
        Assert.NotEqual(0, psql.ExitCode);
        Assert.Contains("SchemaGen script: written for a database whose ledger records 1 migration(s), up to 001_users, and no other, but \"public\".\"schema_migrations\" holds something else", psql.Error);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Equal(["001_users", "002_notes"], await db.ListAsync("SELECT migration_name FROM schema_migrations ORDER BY number"));
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('note_ids')::text"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
    }

    [Fact]
    public async Task From_and_to_script_with_no_database_and_the_script_continues_a_database_at_that_point()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();
        await InProcessVerbs.RunAsync(["migrate", "--connection", connection], Build[..1]);

        var middle = await InProcessVerbs.RunAsync(["script", "--from", "2", "--to", "3", "--output", "json"], Build);
        var json = JsonShapes.Validate("script", middle.Output);
        var psql = await PostgresTools.PsqlFileAsync(connection, json.GetProperty("sql").GetString()!);
        var tooEarly = await PostgresTools.PsqlFileAsync(connection, (await InProcessVerbs.RunAsync(["script", "--from", "2"], Build)).Output);
        var rest = await PostgresTools.PsqlFileAsync(connection, (await InProcessVerbs.RunAsync(["script", "--from", "4"], Build)).Output);

        Assert.Equal(0, middle.ExitCode);
        Assert.True(json.GetProperty("complete").GetBoolean());
        Assert.False(json.GetProperty("createsLedger").GetBoolean());
        Assert.Equal(["002_notes", "003_notes_index"], json.GetProperty("migrations").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.True(psql.ExitCode == 0, psql.Error);
        Assert.NotEqual(0, tooEarly.ExitCode);
        Assert.Contains("written for a database whose ledger records migrations 1 to 001_users and no other, but", tooEarly.Error);
        Assert.True(rest.ExitCode == 0, rest.Error);
        Assert.Equal((0, "Up to date.\n"), InProcessVerbs.Short(await InProcessVerbs.RunAsync(["verify", "--connection", connection], Build)));
    }

    [Fact]
    public async Task The_script_stops_before_a_migration_whose_SQL_is_decided_as_it_runs_and_migrate_applies_the_rest()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();
        MigrationDescriptor[] build = [.. Build, Custom(5, "backfill", (context, ct) => context.ExecuteAsync("UPDATE notes SET body = 'x'", ct)), Sql(6, "later", "CREATE TABLE later (id int)")];

        var script = await InProcessVerbs.RunAsync(["script", "--connection", connection, "-o", "json"], build);
        var json = JsonShapes.Validate("script", script.Output);
        var psql = await PostgresTools.PsqlFileAsync(connection, json.GetProperty("sql").GetString()!);
        var migrate = await InProcessVerbs.RunAsync(["migrate", "--connection", connection], build);

        Assert.Equal(0, script.ExitCode);
        Assert.False(json.GetProperty("complete").GetBoolean());
        Assert.Equal("005_backfill", json.GetProperty("stoppedAt").GetProperty("id").GetString());
        Assert.Equal(2, json.GetProperty("notScripted").GetInt32());
        Assert.Contains("-- 005_backfill is a C# migration whose SQL is decided as it runs", json.GetProperty("sql").GetString());
        Assert.DoesNotContain("later", json.GetProperty("sql").GetString());
        Assert.Equal("script: stopped before 005_backfill, a C# migration whose SQL is decided as it runs; the script leaves out it and the 1 migration(s) after it, which 'app migrate' applies.\n", script.Error);
        Assert.True(psql.ExitCode == 0, psql.Error);
        Assert.Contains("Applied 2 migration(s)", migrate.Output);
    }

    [Fact]
    public async Task A_script_is_refused_where_a_run_would_be()
    {
        var failed = await TestDatabase.CreateConnectionStringAsync();
        await InProcessVerbs.RunAsync(["migrate", "--connection", failed], [Sql(1, "broken", "CREATE TABLE a (id int); SELECT 1/0", transactional: false)]);
        var occupied = await TestDatabase.CreateConnectionStringAsync();
        await using (var db = NpgsqlDataSource.Create(occupied))
        {
            await db.ExecuteAsync("CREATE TABLE legacy (id int)");
        }

        var onFailed = await InProcessVerbs.RunAsync(["script", "--connection", failed, "--output", "json"], [Sql(1, "broken", "CREATE TABLE a (id int); SELECT 1/0", transactional: false)]);
        var onOccupied = await InProcessVerbs.RunAsync(["script", "--connection", occupied], Build);
        var outOfRange = await InProcessVerbs.RunAsync(["script", "--from", "5"], Build);

        Assert.Equal(1, onFailed.ExitCode);
        Assert.Contains("run 'app repair applied 1'", onFailed.Error);
        Assert.Equal("001_broken", JsonShapes.Validate("error", onFailed.Output).GetProperty("error").GetProperty("migration").GetString());
        Assert.Equal(1, onOccupied.ExitCode);
        Assert.StartsWith("script: The database already has tables (public.legacy) but no ledger", onOccupied.Error);
        Assert.Equal((1, "script: --from 5 is not a migration of this build; give a number from 1 to 4.\n"), (outOfRange.ExitCode, outOfRange.Error));
    }

    [Fact]
    public async Task A_built_app_s_script_of_an_empty_database_leaves_what_its_migrate_verb_leaves()
    {
        var app = Repository.BuildOutput("samples/NotesApi", "NotesApi.dll");
        var scripted = await TestDatabase.CreateConnectionStringAsync();
        var migrated = await TestDatabase.CreateConnectionStringAsync();

        var script = await ChildProcess.RunAsync("dotnet", new Dictionary<string, string>(), app, "script", "--from", "1");
        var psql = await PostgresTools.PsqlFileAsync(scripted, script.Output);
        var migrate = await ChildProcess.RunAsync("dotnet", app, "migrate", "--connection", migrated);
        var verify = await ChildProcess.RunAsync("dotnet", app, "verify", "--connection", scripted);

        Assert.True(script.ExitCode == 0, script.Error);
        Assert.Contains("CREATE INDEX notes_created_at ON notes (created_at DESC);", script.Output);
        Assert.True(psql.ExitCode == 0, psql.Error);
        Assert.True(migrate.ExitCode == 0, migrate.Output);
        Assert.Equal((0, "Up to date.\n"), verify);
        Assert.Equal(await PostgresTools.SchemaAsync(migrated), await PostgresTools.SchemaAsync(scripted));
        await using var viaScript = NpgsqlDataSource.Create(scripted);
        await using var viaMigrate = NpgsqlDataSource.Create(migrated);
        Assert.Equal(await viaMigrate.ListAsync(LedgerRows), await viaScript.ListAsync(LedgerRows));
    }
}
