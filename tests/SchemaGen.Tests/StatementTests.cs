using System.Globalization;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>SQL of many statements: run one by one where PostgreSQL needs it, and a failure names its statement and line.</summary>
public class StatementTests
{
    [Fact]
    public async Task A_non_transactional_migration_runs_several_statements_with_concurrent_index_builds()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = new[]
        {
            Sql(1, "users", "CREATE TABLE users (id int, email text, name text)"),
            Sql(2, "indexes", """
                SELECT 1;
                CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
                -- a comment; with a semicolon
                CREATE INDEX CONCURRENTLY idx_users_name ON users (name);
                """, transactional: false),
        };

        await new MigrationRunner(db, migrations).RunAsync();

        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_index WHERE indisvalid AND indexrelid::regclass::text LIKE 'idx_users_%'"));
    }

    [Fact]
    public async Task A_failed_concurrent_index_build_says_the_index_is_invalid_and_how_to_drop_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = new[]
        {
            Sql(1, "users", "CREATE TABLE users (email text); INSERT INTO users VALUES ('a@x'), ('a@x')"),
            Sql(2, "unique_email", "CREATE UNIQUE INDEX CONCURRENTLY idx_users_email ON users (email)", transactional: false),
        };

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, migrations).RunAsync());

        Assert.Equal("23505", error.SqlState);
        Assert.EndsWith(
            "The index idx_users_email it was building concurrently is left INVALID: queries do not use it but every write still updates it. " +
            "Drop it before running the migration again: DROP INDEX CONCURRENTLY IF EXISTS idx_users_email;",
            error.Message);
        Assert.False(await db.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_users_email'::regclass"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_failure_in_a_long_migration_names_the_statement_its_line_and_column(bool transactional)
    {
        await using var db = await TestDatabase.CreateAsync();
        var statements = Enumerable.Range(1, 46).Select(n => n == 30
            ? "INSERT INTO t1 (id)\n  VALUES ('not a number')"
            : string.Create(CultureInfo.InvariantCulture, $"CREATE TABLE t{n} (id int)"));
        var sql = "-- 46 statements\n" + string.Join(";\n", statements);

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, [Sql(1, "long", sql, transactional)]).RunAsync());

        Assert.StartsWith(
            "Migration 001_long failed: invalid input syntax for type integer: \"not a number\" (SQLSTATE 22P02) in statement 30 of 46 (line 32, column 11): INSERT INTO t1 (id). ",
            error.Message);
    }

    [Fact]
    public async Task A_server_hint_ends_the_reason_without_a_doubled_period()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migration = Sql(1, "hinted", "DO $$ BEGIN RAISE EXCEPTION 'not yet' USING HINT = 'Run the backfill first.'; END $$");

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, [migration]).RunAsync());

        Assert.Contains("; hint: Run the backfill first. It ran in a transaction", error.Message);
    }

    [Fact]
    public async Task Function_bodies_with_semicolons_run_whole_in_both_modes()
    {
        await using var db = await TestDatabase.CreateAsync();
        var body = """
            CREATE FUNCTION plus_one(i int) RETURNS int LANGUAGE plpgsql AS $fn$
            BEGIN
              RETURN i + 1; -- ;
            END;
            $fn$;
            CREATE FUNCTION twice(i int) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
              SELECT CASE WHEN i IS NULL THEN 0 ELSE i * 2 END;
            END;
            """;

        await new MigrationRunner(db, [Sql(1, "functions", body), Sql(2, "more", body.Replace("plus_one", "plus_two").Replace("twice", "thrice"), transactional: false)]).RunAsync();

        Assert.Equal(8, await db.ScalarAsync<int>("SELECT plus_one(3) + twice(2)"));
        Assert.Equal(8, await db.ScalarAsync<int>("SELECT plus_two(3) + thrice(2)"));
    }
}
