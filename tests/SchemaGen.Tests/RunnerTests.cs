using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>Applying to a fresh database, idempotence, the ledger's contents, the log and the status.</summary>
public class RunnerTests
{
    [Fact]
    public async Task A_fresh_database_gets_every_migration_in_order_and_a_ledger_row_for_each()
    {
        await using var db = await TestDatabase.CreateAsync();
        var order = new List<int>();
        var migrations = Enumerable.Range(1, 3).Select(n => Custom(n, $"step_{n}", async (context, ct) =>
        {
            order.Add(context.Migration.Number);
            await context.ExecuteAsync($"CREATE TABLE t{n} (id int)", ct);
            context.Count(tablesCreated: 1, indexesCreated: n);
        })).ToArray();

        var report = await new MigrationRunner(db, migrations).RunAsync();

        Assert.Equal([1, 2, 3], order);
        Assert.Equal(["001_step_1", "002_step_2", "003_step_3"], report.Applied.Select(a => a.Migration.Id));
        Assert.True(report.LedgerCreated);
        Assert.Equal(0, report.AlreadyApplied);
        Assert.Equal(new MigrationStats(3, 0, 6), report.Totals);
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('t1', 't2', 't3')"));

        await using var rows = db.CreateCommand(
            "SELECT migration_name, number, checksum, description, status, transactional, execution_time_ms >= 0, applied_at <= now(), applied_by FROM schema_migrations ORDER BY id");
        await using var reader = await rows.ExecuteReaderAsync();
        foreach (var migration in migrations)
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(migration.Id, reader.GetString(0));
            Assert.Equal(migration.Number, reader.GetInt32(1));
            Assert.Equal(migration.Checksum, reader.GetString(2));
            Assert.Equal(migration.Description, reader.GetString(3));
            Assert.Equal("applied", reader.GetString(4));
            Assert.True(reader.GetBoolean(5));
            Assert.True(reader.GetBoolean(6));
            Assert.True(reader.GetBoolean(7));
            Assert.Equal((await TestDatabase.ServerAsync()).Username, reader.GetString(8));
        }

        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task A_second_run_applies_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var runs = 0;
        var migrations = new[] { Custom(1, "counted", (_, _) => { runs++; return Task.CompletedTask; }), Sql(2, "users", "CREATE TABLE users (id int)") };

        await new MigrationRunner(db, migrations).RunAsync();
        var logger = new CapturingLogger();
        var second = await new MigrationRunner(db, migrations, logger: logger).RunAsync();

        Assert.Empty(second.Applied);
        Assert.Equal(2, second.AlreadyApplied);
        Assert.False(second.LedgerCreated);
        Assert.Equal(1, runs);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Contains("Database is up to date: 2 migration(s) applied, none pending", logger.Messages);
    }

    [Fact]
    public async Task New_migrations_in_a_later_build_are_applied_after_the_old_ones()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Tables(2)).RunAsync();

        var report = await new MigrationRunner(db, Tables(4)).RunAsync();

        Assert.Equal(["003_table_3", "004_table_4"], report.Applied.Select(a => a.Migration.Id));
        Assert.Equal(2, report.AlreadyApplied);
    }

    [Fact]
    public async Task The_log_follows_the_original_start_up_log()
    {
        await using var db = await TestDatabase.CreateAsync();
        var logger = new CapturingLogger();
        var migration = Custom(1, "audit_log", async (context, ct) =>
        {
            context.LogInformation("Creating audit_logs table...");
            await context.ExecuteAsync("CREATE TABLE audit_logs (id int)", ct);
            context.Count(tablesCreated: 1, indexesCreated: 4);
        });

        await new MigrationRunner(db, [migration], logger: logger).RunAsync();

        var lines = logger.Messages;
        var rule = new string('=', 60);
        Assert.Equal(rule, lines[0]);
        Assert.Equal("Starting database migration process", lines[1]);
        Assert.Equal(rule, lines[2]);
        Assert.Equal("Creating schema_migrations tracking table", lines[3]);
        Assert.Equal("✓ schema_migrations table created", lines[4]);
        Assert.Equal("Discovered 1 migration(s)", lines[5]);
        Assert.Equal("▶ 001_audit_log: Run audit_log", lines[6]);
        Assert.Equal("[001_audit_log] Creating audit_logs table...", lines[7]);
        Assert.Matches(@"^✓ 001_audit_log: Completed in \d+ms \(tables: 1, columns: 0, indexes: 4\)$", lines[8]);
        Assert.Equal(rule, lines[9]);
        Assert.Equal("Migration summary: 1 migration(s) applied, 1 table(s) created, 0 column(s) added, 4 index(es) created", lines[10]);
        Assert.Equal(rule, lines[11]);
        Assert.Equal(12, lines.Count);
    }

    [Fact]
    public async Task Status_lists_applied_and_pending_migrations_with_their_times()
    {
        await using var db = await TestDatabase.CreateAsync();
        var runner = new MigrationRunner(db, Tables(3));
        Assert.All(await runner.GetStatusAsync(), s => Assert.Equal(MigrationState.Pending, s.State));

        await new MigrationRunner(db, Tables(2)).RunAsync();
        var status = await runner.GetStatusAsync();

        Assert.Equal([MigrationState.Applied, MigrationState.Applied, MigrationState.Pending], status.Select(s => s.State));
        Assert.All(status.Take(2), s => Assert.NotNull(s.AppliedAt));
        Assert.All(status.Take(2), s => Assert.NotNull(s.ExecutionTimeMs));
        Assert.Null(status[2].AppliedAt);
    }

    [Fact]
    public async Task Parameterised_commands_run_in_the_migration_transaction()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migration = Custom(1, "seed", async (context, ct) =>
        {
            await context.ExecuteAsync("CREATE TABLE settings (name text, value text)", ct);
            await using var insert = context.CreateCommand("INSERT INTO settings VALUES ($1, $2)");
            insert.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = "quote'd" });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = "x\"); DROP TABLE settings; --" });
            await insert.ExecuteNonQueryAsync(ct);
            Assert.Same(context.Transaction, insert.Transaction);
        });

        await new MigrationRunner(db, [migration]).RunAsync();

        Assert.Equal("x\"); DROP TABLE settings; --", await db.ScalarAsync<string>("SELECT value FROM settings WHERE name = 'quote''d'"));
    }

    [Fact]
    public void A_hand_made_list_out_of_order_is_refused()
    {
        using var dataSource = Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1");
        var error = Assert.Throws<ArgumentException>(() => new MigrationRunner(dataSource, [Sql(2, "b", "SELECT 1"), Sql(1, "a", "SELECT 2")]));
        Assert.Contains("001_a follows 002_b", error.Message);
    }
}
