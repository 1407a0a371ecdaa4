using Npgsql;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>Repeatable migrations against a real PostgreSQL: applied after the numbered ones when their text changed, and only then.</summary>
public class RepeatableTests
{
    private static readonly MigrationDescriptor[] Numbered =
    [
        Sql(1, "orders", "CREATE TABLE orders (id int PRIMARY KEY, total numeric NOT NULL)"),
        Sql(2, "customers", "CREATE TABLE customers (id int PRIMARY KEY, name text)"),
    ];

    private static readonly MigrationDescriptor BigOrders = Repeatable("big_orders", "CREATE OR REPLACE VIEW big_orders AS SELECT id FROM orders WHERE total > 100");
    private static readonly MigrationDescriptor Names = Repeatable("customer_names", "CREATE OR REPLACE VIEW customer_names AS SELECT name FROM customers");

    private const string Ledger = "SELECT concat_ws(' ', migration_name, coalesce(number::text, '-'), kind) FROM schema_migrations ORDER BY id";

    [Theory]
    [InlineData(MigrationLockMode.Session)]
    [InlineData(MigrationLockMode.Transaction)]
    public async Task They_run_after_the_numbered_migrations_in_name_order_and_a_second_run_takes_one_query(MigrationLockMode mode)
    {
        await using var db = await TestDatabase.CreateAsync();
        var logger = new CapturingLogger();
        var build = WithRepeatables(Numbered, BigOrders, Names);

        var first = await new MigrationRunner(db, build, new MigrationRunnerOptions { LockMode = mode }).RunAsync();
        var second = await new MigrationRunner(db, build, new MigrationRunnerOptions { LockMode = mode }, logger).RunAsync();

        Assert.Equal(["001_orders", "002_customers", "R_big_orders", "R_customer_names"], first.Applied.Select(a => a.Migration.Id));
        Assert.Equal(["001_orders 1 versioned", "002_customers 2 versioned", "R_big_orders - repeatable", "R_customer_names - repeatable"], await db.ListAsync(Ledger));
        Assert.Empty(second.Applied);
        Assert.DoesNotContain(logger.Messages, message => message.StartsWith('▶'));
        Assert.Equal(DatabaseState.UpToDate, (await new MigrationRunner(db, build).VerifyAsync()).State);
    }

    [Fact]
    public async Task A_changed_text_is_applied_again_and_an_unchanged_one_is_not()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, WithRepeatables(Numbered, BigOrders, Names)).RunAsync();
        var changed = Repeatable("big_orders", "CREATE OR REPLACE VIEW big_orders AS SELECT id FROM orders WHERE total > 1000");
        var build = WithRepeatables(Numbered, changed, Names);

        var pending = await new MigrationRunner(db, build).VerifyAsync();
        var run = await new MigrationRunner(db, build).RunAsync();

        Assert.Equal(DatabaseState.Pending, pending.State);
        Assert.Equal(["R_big_orders"], pending.Problems.Select(p => p.Id));
        Assert.Equal(["R_big_orders"], run.Applied.Select(a => a.Migration.Id));
        Assert.Contains("1000", await db.ScalarAsync<string>("SELECT pg_get_viewdef('big_orders')"));
        Assert.Equal(changed.Checksum, await db.ScalarAsync<string>("SELECT checksum FROM schema_migrations WHERE migration_name = 'R_big_orders'"));
        Assert.Equal(DatabaseState.UpToDate, (await new MigrationRunner(db, build).VerifyAsync()).State);
    }

    [Fact]
    public async Task A_failing_one_rolls_back_and_the_version_applied_before_stays()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, WithRepeatables(Numbered, BigOrders)).RunAsync();
        var broken = Repeatable("big_orders", "CREATE OR REPLACE VIEW big_orders AS SELECT id FROM orders WHERE total > 1000; SELECT 1/0");

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, WithRepeatables(Numbered, broken)).RunAsync());

        Assert.Equal("R_big_orders", error.MigrationId);
        Assert.Contains("its objects keep the version applied before", error.Message);
        Assert.Contains("100", await db.ScalarAsync<string>("SELECT pg_get_viewdef('big_orders')"));
        Assert.DoesNotContain("1000", await db.ScalarAsync<string>("SELECT pg_get_viewdef('big_orders')"));
        Assert.Equal(BigOrders.Checksum, await db.ScalarAsync<string>("SELECT checksum FROM schema_migrations WHERE migration_name = 'R_big_orders'"));
    }

    [Fact]
    public async Task An_older_build_in_a_rolling_deploy_leaves_a_newer_builds_repeatables_alone()
    {
        await using var db = await TestDatabase.CreateAsync();
        var newer = Repeatable("big_orders", "CREATE OR REPLACE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100");
        await new MigrationRunner(db, WithRepeatables([.. Numbered, Sql(3, "notes", "CREATE TABLE notes (id int)")], newer)).RunAsync();
        var logger = new CapturingLogger();
        var older = WithRepeatables(Numbered, BigOrders);

        var run = await new MigrationRunner(db, older, logger: logger).RunAsync();
        var verification = await new MigrationRunner(db, older).VerifyAsync();

        Assert.Empty(run.Applied);
        Assert.Contains("total", await db.ScalarAsync<string>("SELECT pg_get_viewdef('big_orders')"));
        Assert.Contains(logger.Messages, message => message.StartsWith("1 repeatable migration(s) of this build differ from the database's, but a newer build has migrated it (up to 003_notes)", StringComparison.Ordinal));
        Assert.Equal(DatabaseState.UpToDate, verification.State);
    }

    [Fact]
    public async Task A_ledger_made_before_repeatable_migrations_gets_room_for_them()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Numbered).RunAsync();
        await db.ExecuteAsync("ALTER TABLE schema_migrations DROP COLUMN kind, ALTER COLUMN number SET NOT NULL");

        var run = await new MigrationRunner(db, WithRepeatables(Numbered, BigOrders)).RunAsync();

        Assert.Equal(["R_big_orders"], run.Applied.Select(a => a.Migration.Id));
        Assert.Equal("R_big_orders - repeatable", (await db.ListAsync(Ledger))[^1]);
        Assert.Equal(DatabaseState.UpToDate, (await new MigrationRunner(db, WithRepeatables(Numbered, BigOrders)).VerifyAsync()).State);
    }

    [Fact]
    public async Task Status_lists_them_and_the_script_of_a_new_database_run_by_psql_leaves_what_migrate_leaves()
    {
        var scripted = await TestDatabase.CreateConnectionStringAsync();
        var migrated = await TestDatabase.CreateConnectionStringAsync();
        var build = WithRepeatables(Numbered, BigOrders, Names);

        var script = await InProcessVerbs.RunAsync(["script", "--from", "1"], build);
        var psql = await PostgresTools.PsqlFileAsync(scripted, script.Output);
        await InProcessVerbs.RunAsync(["migrate", "--connection", migrated], build);
        var status = await InProcessVerbs.RunAsync(["status", "--connection", scripted], build);

        Assert.Contains("-- R_big_orders (repeatable): Refresh big_orders\nBEGIN;", script.Output);
        Assert.True(psql.ExitCode == 0, psql.Error);
        Assert.Equal(await PostgresTools.SchemaAsync(migrated), await PostgresTools.SchemaAsync(scripted));
        await using var viaScript = NpgsqlDataSource.Create(scripted);
        await using var viaMigrate = NpgsqlDataSource.Create(migrated);
        const string rows = "SELECT concat_ws(' ', migration_name, number, checksum, kind, status) FROM schema_migrations ORDER BY migration_name";
        Assert.Equal(await viaMigrate.ListAsync(rows), await viaScript.ListAsync(rows));
        Assert.Equal((0, "Up to date.\n"), (await InProcessVerbs.RunAsync(["verify", "--connection", scripted], build)) is var v ? (v.ExitCode, v.Output) : default);
        Assert.Matches(@"(?m)^\s+R_big_orders\s+applied\s", status.Output);
        Assert.Matches(@"(?m)^\s+R_customer_names\s+applied\s", status.Output);
    }
}
