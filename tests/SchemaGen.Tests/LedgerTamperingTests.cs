using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>A ledger edited by hand, or something else in its place, gives a documented error that says what is wrong.</summary>
public class LedgerTamperingTests
{
    [Theory]
    [InlineData("ALTER COLUMN checksum DROP NOT NULL", "checksum = NULL", "its checksum is NULL")]
    [InlineData("ALTER COLUMN applied_at DROP NOT NULL", "applied_at = NULL", "its applied_at is NULL")]
    [InlineData("DROP CONSTRAINT schema_migrations_status_check", "status = 'skipped'", "its status 'skipped' is none of applied, running, failed")]
    public async Task A_row_edited_by_hand_is_named_with_what_is_wrong(string loosen, string edit, string problem)
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Tables(2)).RunAsync();
        await db.ExecuteAsync($"ALTER TABLE schema_migrations {loosen}; UPDATE schema_migrations SET {edit} WHERE number = 2");

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, Tables(3)).RunAsync());

        Assert.Matches($"^Ledger row id \\d+ of \"public\".\"schema_migrations\" \\(002_table_2\\) was edited by hand: {System.Text.RegularExpressions.Regex.Escape(problem)}\\. ", error.Message);
        Assert.Equal("002_table_2", error.MigrationId);
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('t3')::text"));
    }

    [Fact]
    public async Task A_view_in_the_ledgers_place_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE VIEW schema_migrations AS SELECT 1 AS number");

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, Tables(1)).RunAsync());

        Assert.StartsWith("\"public\".\"schema_migrations\" is not a table (pg_class.relkind 'v': a view, sequence, index or foreign table), so it cannot be the ledger", error.Message);
    }

    [Fact]
    public async Task Another_tools_table_with_the_ledgers_name_is_refused_naming_its_columns()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (3, false)");

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, Tables(1)).RunAsync());

        Assert.StartsWith("\"public\".\"schema_migrations\" is a table with the columns (version, dirty), not a SchemaGen ledger", error.Message);
        Assert.Contains("set MigrationRunnerOptions.TableName (or Schema) to a free name", error.Message);
        var statusError = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, Tables(1)).GetStatusAsync());
        Assert.StartsWith("\"public\".\"schema_migrations\" is a table with the columns (version, dirty), not a SchemaGen ledger", statusError.Message);
        await new MigrationRunner(db, Tables(1), new MigrationRunnerOptions { TableName = "schemagen_migrations", AllowNonEmptyDatabase = true }).RunAsync();
        Assert.NotNull(await db.ScalarAsync<string>("SELECT to_regclass('t1')::text"));
    }

    [Theory]
    [InlineData("Schema", "pg_catalog", "The ledger cannot live in the system schema 'pg_catalog'")]
    [InlineData("Schema", "information_schema", "The ledger cannot live in the system schema 'information_schema'")]
    [InlineData("TableName", "a_table_name_that_is_far_too_long_for_postgresql_to_keep_whole_x", "is 64 bytes long, but SchemaGen names the ledger's head table and trigger function after it ('_head_sync' added), and PostgreSQL cuts identifiers at 63 bytes; choose a shorter TableName (at most 53 bytes)")]
    [InlineData("TableName", "a_ledger_name_one_byte_longer_than_its_head_allows_xyz", "is 54 bytes long")]
    [InlineData("Schema", "schéma_with_accents_is_counted_in_bytes_not_characters_abcdefghi", "bytes long, but PostgreSQL cuts identifiers at 63 bytes")]
    public async Task Ledger_names_postgresql_would_cut_or_refuse_are_rejected_up_front(string option, string value, string message)
    {
        await using var db = await TestDatabase.CreateAsync();
        var options = option == "Schema" ? new MigrationRunnerOptions { Schema = value } : new MigrationRunnerOptions { TableName = value };

        var error = Assert.Throws<ArgumentException>(() => new MigrationRunner(db, Tables(1), options));

        Assert.Contains(message, error.Message);
        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public async Task The_original_systems_tracking_table_is_adopted_in_place_and_its_migrations_are_not_run_again()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("""
            CREATE TABLE audit_logs (id serial PRIMARY KEY);
            CREATE TABLE schema_migrations (
                id SERIAL PRIMARY KEY,
                migration_name VARCHAR(255) UNIQUE NOT NULL,
                applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
                description TEXT,
                execution_time_ms INTEGER);
            INSERT INTO schema_migrations (migration_name, description, execution_time_ms)
            VALUES ('001_audit_log', 'Add audit_logs table', 67)
            """);
        var migrations = new[] { Sql(1, "audit_log", "CREATE TABLE audit_logs (id serial PRIMARY KEY)"), Sql(2, "next", "CREATE TABLE next (id int)") };
        var logger = new CapturingLogger();

        var before = await new MigrationRunner(db, migrations).GetStatusAsync();
        var report = await new MigrationRunner(db, migrations, logger: logger).RunAsync();
        var second = await new MigrationRunner(db, migrations).RunAsync();

        Assert.Equal([MigrationState.Applied, MigrationState.Pending], before.Select(s => s.State));
        Assert.Equal(["002_next"], report.Applied.Select(a => a.Migration.Id));
        Assert.Empty(second.Applied);
        Assert.Contains($"Adopting recorded migration 001_audit_log into the ledger with checksum {migrations[0].Checksum}", logger.Messages);
        Assert.Equal($"1:{migrations[0].Checksum}:applied:67", await db.ScalarAsync<string>("SELECT number || ':' || checksum || ':' || status || ':' || execution_time_ms FROM schema_migrations WHERE migration_name = '001_audit_log'"));
    }
}
