using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>What a failure leaves behind, and what the error says.</summary>
public class FailureTests
{
    [Fact]
    public async Task A_failing_migration_stops_the_run_leaves_nothing_behind_and_names_itself()
    {
        await using var db = await TestDatabase.CreateAsync();
        var thirdRan = false;
        var migrations = new[]
        {
            Sql(1, "users", "CREATE TABLE users (id int)"),
            Sql(2, "broken", "CREATE TABLE half_done (id int);\nINSERT INTO no_such_table VALUES (1)"),
            Custom(3, "after", (_, _) => { thirdRan = true; return Task.CompletedTask; }),
        };

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, migrations).RunAsync());

        Assert.Equal("002_broken", error.MigrationId);
        Assert.Equal("42P01", error.SqlState);
        Assert.Equal("relation \"no_such_table\" does not exist", error.ServerMessage);
        Assert.Equal(13, error.Position);
        Assert.StartsWith("Migration 002_broken failed: relation \"no_such_table\" does not exist (SQLSTATE 42P01) in statement 2 of 2 (line 2, column 13): INSERT INTO no_such_table VALUES (1). ", error.Message);
        Assert.Contains("nothing of it was applied", error.Message);
        Assert.False(thirdRan);
        Assert.Equal(["001_users"], await LedgerNames(db));
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('half_done')::text"));
        Assert.NotNull(await db.ScalarAsync<string>("SELECT to_regclass('users')::text"));
    }

    [Fact]
    public async Task A_migration_that_throws_in_dotnet_code_is_reported_and_rolled_back()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migration = Custom(1, "throws", async (context, ct) =>
        {
            await context.ExecuteAsync("CREATE TABLE partial (id int)", ct);
            throw new InvalidOperationException("the seed file is missing");
        });

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, [migration]).RunAsync());

        Assert.Equal("Migration 001_throws failed: InvalidOperationException: the seed file is missing. It ran in a transaction, so nothing of it was applied; the migrations before it stay applied and none after it ran. Fix it and run again.", error.Message);
        Assert.Null(error.SqlState);
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('partial')::text"));
        Assert.Empty(await LedgerNames(db));
    }

    [Fact]
    public async Task A_migration_that_kills_its_own_connection_reports_that_failure_not_a_release_error()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = new[] { Sql(1, "users", "CREATE TABLE users (id int)"), Sql(2, "suicide", "SELECT pg_terminate_backend(pg_backend_pid())") };

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, migrations).RunAsync());

        Assert.Equal("002_suicide", error.MigrationId);
        Assert.Equal("57P01", error.SqlState);
        Assert.Equal(["001_users"], await LedgerNames(db));
        var fixedSet = new[] { migrations[0], Sql(2, "suicide", "SELECT 1") };
        var next = await new MigrationRunner(db, fixedSet, new MigrationRunnerOptions { LockTimeout = TimeSpan.FromSeconds(5) }).RunAsync();
        Assert.Equal(["002_suicide"], next.Applied.Select(a => a.Migration.Id));
    }

    [Fact]
    public async Task A_non_transactional_migration_can_create_an_index_concurrently()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = new[]
        {
            Sql(1, "users", "CREATE TABLE users (id int, email text)"),
            Sql(2, "users_email_index", "CREATE INDEX CONCURRENTLY idx_users_email ON users (email)", transactional: false),
        };

        await new MigrationRunner(db, migrations).RunAsync();

        Assert.NotNull(await db.ScalarAsync<string>("SELECT to_regclass('idx_users_email')::text"));
        Assert.Equal("applied", await db.ScalarAsync<string>("SELECT status FROM schema_migrations WHERE number = 2"));
        Assert.False(await db.ScalarAsync<bool>("SELECT transactional FROM schema_migrations WHERE number = 2"));
    }

    [Fact]
    public async Task A_failed_non_transactional_migration_is_recorded_and_blocks_later_runs_until_resolved()
    {
        await using var db = await TestDatabase.CreateAsync();
        var broken = new[]
        {
            Sql(1, "users", "CREATE TABLE users (id int, email text)"),
            Sql(2, "email_index", "CREATE INDEX CONCURRENTLY idx_email ON users (no_such_column)", transactional: false),
            Sql(3, "later", "CREATE TABLE later (id int)"),
        };

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, broken).RunAsync());
        Assert.Equal("002_email_index", failure.MigrationId);
        Assert.Contains("It is not transactional, so part of it may have been applied", failure.Message);
        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT status FROM schema_migrations WHERE number = 2"));
        Assert.Contains("no_such_column", await db.ScalarAsync<string>("SELECT error FROM schema_migrations WHERE number = 2"));

        var blocked = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, broken).RunAsync());
        Assert.Equal("002_email_index", blocked.MigrationId);
        Assert.Contains("did not complete in an earlier run (failed: column \"no_such_column\" does not exist", blocked.Message);
        Assert.Contains("DELETE FROM \"public\".\"schema_migrations\" WHERE number = 2", blocked.Message);
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('later')::text"));

        // Recover as the message says: drop the invalid index left behind, delete the row, fix the migration.
        await db.ExecuteAsync("DROP INDEX IF EXISTS idx_email; DELETE FROM \"public\".\"schema_migrations\" WHERE number = 2");
        var fixedSet = new[] { broken[0], Sql(2, "email_index", "CREATE INDEX CONCURRENTLY idx_email ON users (email)", transactional: false), broken[2] };
        var report = await new MigrationRunner(db, fixedSet).RunAsync();
        Assert.Equal(["002_email_index", "003_later"], report.Applied.Select(a => a.Migration.Id));
    }

    [Fact]
    public async Task A_non_transactional_migration_whose_running_row_cannot_be_written_is_not_started()
    {
        await using var db = await TestDatabase.CreateAsync();
        var started = false;
        var migrations = new[] { Sql(1, "users", "CREATE TABLE users (id int)"), Custom(2, "guarded", (_, _) => { started = true; return Task.CompletedTask; }, transactional: false) };
        await new MigrationRunner(db, migrations[..1]).RunAsync();
        await db.ExecuteAsync("""
            CREATE FUNCTION refuse_running() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.status = 'running' THEN RAISE EXCEPTION 'ledger is read-only during the audit'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_running BEFORE INSERT ON schema_migrations FOR EACH ROW EXECUTE FUNCTION refuse_running();
            """);

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, migrations).RunAsync());

        Assert.StartsWith("Migration 002_guarded failed: ledger is read-only during the audit (SQLSTATE P0001). It could not be recorded as running in the ledger, so it was not started", error.Message);
        Assert.False(started);
    }

    [Fact]
    public async Task A_deferred_constraint_that_fails_at_commit_leaves_nothing_behind()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migration = Sql(1, "deferred", """
            CREATE TABLE parents (id int PRIMARY KEY);
            CREATE TABLE children (parent_id int REFERENCES parents DEFERRABLE INITIALLY DEFERRED);
            INSERT INTO children VALUES (42)
            """);

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, [migration]).RunAsync());

        Assert.Equal("23503", error.SqlState);
        Assert.Contains("nothing of it was applied", error.Message);
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('children')::text"));
        Assert.Empty(await LedgerNames(db));
    }

    [Fact]
    public async Task Cancelling_a_running_migration_rolls_it_back_and_records_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var migration = Sql(1, "slow", "CREATE TABLE slow (id int); SELECT pg_sleep(30)");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new MigrationRunner(db, [migration]).RunAsync(cancel.Token));

        Assert.Empty(await LedgerNames(db));
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('slow')::text"));
    }

    [Fact]
    public async Task An_unreachable_server_gives_a_clear_error_after_the_configured_attempts()
    {
        var server = await TestDatabase.PasswordProtectedServerAsync();
        var closedPort = SchemaGen.ThrowawayPostgres.PostgresServer.FreeLoopbackPort();
        await using var db = Npgsql.NpgsqlDataSource.Create($"Host=127.0.0.1;Port={closedPort};Username={server.Username};Password={server.Password};Database=app;Timeout=2");
        var logger = new CapturingLogger();
        var options = new MigrationRunnerOptions { ConnectAttempts = 3, ConnectRetryDelay = TimeSpan.FromMilliseconds(10) };

        var error = await Assert.ThrowsAsync<MigrationConnectionException>(() => new MigrationRunner(db, Tables(1), options, logger).RunAsync());

        Assert.StartsWith($"Could not connect to PostgreSQL at 127.0.0.1:{closedPort}, database 'app' as '{server.Username}' after 3 attempt(s)", error.Message);
        Assert.Equal(2, logger.Messages.Count(m => m.StartsWith("Could not reach the database", StringComparison.Ordinal)));
        Assert.DoesNotContain(server.Password!, error.ToString());
        Assert.DoesNotContain(server.Password!, logger.AllText);
    }

    [Fact]
    public async Task A_wrong_password_fails_at_once_without_retrying_or_revealing_it()
    {
        var server = await TestDatabase.PasswordProtectedServerAsync();
        const string wrong = "not-the-password-123";
        await using var db = Npgsql.NpgsqlDataSource.Create(new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = wrong }.ConnectionString);
        var logger = new CapturingLogger();

        var error = await Assert.ThrowsAsync<MigrationConnectionException>(() => new MigrationRunner(db, Tables(1), logger: logger).RunAsync());

        Assert.Contains("after 1 attempt(s)", error.Message);
        Assert.Contains("28P01", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
        Assert.DoesNotContain(wrong, logger.AllText);
    }

    [Fact]
    public async Task The_password_never_appears_in_anything_logged()
    {
        var server = await TestDatabase.PasswordProtectedServerAsync();
        await using var db = Npgsql.NpgsqlDataSource.Create(await TestDatabase.CreateConnectionStringAsync(passwordProtected: true));
        var logger = new CapturingLogger();
        var migrations = new[] { Sql(1, "users", "CREATE TABLE users (id int)"), Sql(2, "broken", "SELECT * FROM nowhere") };

        await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, migrations, logger: logger).RunAsync());
        await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, migrations, logger: logger).RunAsync());
        await new MigrationRunner(db, migrations.Take(1).ToArray(), logger: logger).GetStatusAsync();

        Assert.NotEmpty(logger.Entries);
        Assert.Contains(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.DoesNotContain(server.Password!, logger.AllText);
    }

    private static async Task<List<string>> LedgerNames(Npgsql.NpgsqlDataSource db)
    {
        var names = new List<string>();
        if (await db.ScalarAsync<string>("SELECT to_regclass('schema_migrations')::text") is null)
        {
            return names;
        }

        await using var command = db.CreateCommand("SELECT migration_name FROM schema_migrations ORDER BY number");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
