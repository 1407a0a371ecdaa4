using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SchemaGen.Ledger;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>
/// A no-op start-up reads only the ledger's head. If the head and the registry's digest ever disagreed for an up-to-date
/// database, every start-up would silently take the slow path; if the head ever agreed with a ledger that was edited, a
/// start-up would miss the edit. These tests pin both.
/// </summary>
public class LedgerHeadTests
{
    private static readonly LedgerStore Store = new(new LedgerTable("public", "schema_migrations"));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1200)]
    public async Task The_head_of_an_up_to_date_ledger_matches_the_registry_digest(int count)
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = Enumerable.Range(1, count).Select(n => Sql(n, $"step_{n}", "SELECT 1", checksum: $"sha256:{n:x64}")).ToArray();
        await new MigrationRunner(db, migrations).RunAsync();
        await using var connection = await db.OpenConnectionAsync();
        if (count == 0)
        {
            await Store.EnsureCreatedAsync(connection, new LedgerSetup(migrations, new MigrationRunnerOptions(), NullLogger.Instance), inTransaction: false, CancellationToken.None);
        }

        Assert.Equal(HeadState.Matches, await Store.CheckHeadAsync(connection, LedgerDigest.Of(migrations), prepare: false, CancellationToken.None));
    }

    [Theory]
    [InlineData("UPDATE schema_migrations SET checksum = 'sha256:edited' WHERE number = 2")]
    [InlineData("UPDATE schema_migrations SET migration_name = '002_renamed' WHERE number = 2")]
    [InlineData("UPDATE schema_migrations SET number = 7 WHERE number = 3")]
    [InlineData("UPDATE schema_migrations SET status = 'failed' WHERE number = 2")]
    [InlineData("DELETE FROM schema_migrations WHERE number = 2")]
    [InlineData("INSERT INTO schema_migrations (migration_name, number, checksum) VALUES ('004_extra', 4, 'sha256:x')")]
    [InlineData("TRUNCATE schema_migrations")]
    [InlineData("SET session_replication_role = replica; DELETE FROM schema_migrations WHERE number = 3")]
    public async Task Any_hand_edit_of_the_ledger_moves_the_head_and_undoing_it_moves_it_back(string edit)
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = Tables(3);
        await new MigrationRunner(db, migrations).RunAsync();
        var before = await db.ListAsync("SELECT migration_name || ' ' || number || ' ' || checksum || ' ' || status FROM schema_migrations ORDER BY number");
        await using var connection = await db.OpenConnectionAsync();
        var expected = LedgerDigest.Of(migrations);

        await db.ExecuteAsync(edit);
        Assert.Equal(HeadState.Differs, await Store.CheckHeadAsync(connection, expected, prepare: true, CancellationToken.None));

        await db.ExecuteAsync(
            "DELETE FROM schema_migrations; " +
            "INSERT INTO schema_migrations (migration_name, number, checksum, status) " +
            "SELECT split_part(row, ' ', 1), split_part(row, ' ', 2)::int, split_part(row, ' ', 3), split_part(row, ' ', 4) " +
            $"FROM unnest(ARRAY['{string.Join("','", before)}']) AS row");
        Assert.Equal(HeadState.Matches, await Store.CheckHeadAsync(connection, expected, prepare: true, CancellationToken.None));
    }

    [Fact]
    public async Task An_edited_ledger_is_caught_by_the_next_start_up()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = Tables(3);
        await new MigrationRunner(db, migrations).RunAsync();
        await db.ExecuteAsync("UPDATE schema_migrations SET checksum = 'sha256:edited' WHERE number = 2");

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, migrations).RunAsync());

        Assert.Equal("002_table_2", error.MigrationId);
    }

    [Theory]
    [InlineData("DROP TABLE schema_migrations_head")]
    [InlineData("DROP TABLE schema_migrations_head; DROP TRIGGER schemagen_head ON schema_migrations; DROP TRIGGER schemagen_head_truncate ON schema_migrations; DROP FUNCTION schema_migrations_head_sync()")]
    [InlineData("CREATE TABLE copy AS SELECT * FROM schema_migrations; DROP TABLE schema_migrations; ALTER TABLE copy RENAME TO schema_migrations")]
    public async Task A_ledger_without_its_head_is_read_in_full_once_and_given_its_head_back(string damage)
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = Tables(3);
        await new MigrationRunner(db, migrations).RunAsync();
        await db.ExecuteAsync(damage);
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(HeadState.Missing, await Store.CheckHeadAsync(connection, LedgerDigest.Of(migrations), prepare: false, CancellationToken.None));

        var report = await new MigrationRunner(db, migrations).RunAsync();

        Assert.Empty(report.Applied);
        Assert.Equal(3, report.AlreadyApplied);
        Assert.Equal(HeadState.Matches, await Store.CheckHeadAsync(connection, LedgerDigest.Of(migrations), prepare: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_dropped_ledger_fails_a_check_prepared_before_the_drop()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = Tables(2);
        await new MigrationRunner(db, migrations).RunAsync();
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(HeadState.Matches, await Store.CheckHeadAsync(connection, LedgerDigest.Of(migrations), prepare: true, CancellationToken.None));

        await db.ExecuteAsync("DROP TABLE schema_migrations");

        Assert.Equal(HeadState.Missing, await Store.CheckHeadAsync(connection, LedgerDigest.Of(migrations), prepare: true, CancellationToken.None));
    }

    [Theory]
    [InlineData("ALTER TABLE schema_migrations DISABLE TRIGGER schemagen_head")]
    [InlineData("DROP TRIGGER schemagen_head ON schema_migrations")]
    [InlineData("DROP TRIGGER schemagen_head_truncate ON schema_migrations")]
    public async Task A_run_that_applies_something_repairs_a_disabled_or_dropped_head_trigger_and_recounts(string damage)
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Tables(2)).RunAsync();
        await db.ExecuteAsync(damage);
        await db.ExecuteAsync("UPDATE schema_migrations SET checksum = 'sha256:edited' WHERE number = 1");

        await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, Tables(3)).RunAsync());
        await db.ExecuteAsync($"UPDATE schema_migrations SET checksum = '{Tables(1)[0].Checksum}' WHERE number = 1");
        var report = await new MigrationRunner(db, Tables(3)).RunAsync();

        Assert.Single(report.Applied);
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(HeadState.Matches, await Store.CheckHeadAsync(connection, LedgerDigest.Of(Tables(3)), prepare: false, CancellationToken.None));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'schemagen_head%' AND tgenabled = 'A'"));
    }

    [Fact]
    public async Task A_run_that_applies_something_upgrades_a_head_function_of_an_older_version()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Tables(2)).RunAsync();
        // What version 1 left: a function planned anew on every write, with no version comment.
        await db.ExecuteAsync("ALTER FUNCTION schema_migrations_head_sync() RESET plan_cache_mode");
        await db.ExecuteAsync("COMMENT ON FUNCTION schema_migrations_head_sync() IS NULL");

        var report = await new MigrationRunner(db, Tables(3)).RunAsync();

        Assert.Single(report.Applied);
        Assert.Contains("plan_cache_mode=force_generic_plan", await db.ListAsync("SELECT unnest(proconfig) FROM pg_proc WHERE oid = 'schema_migrations_head_sync()'::regprocedure"));
        Assert.Equal(LedgerHead.FunctionVersion, await db.ScalarAsync<string>("SELECT obj_description('schema_migrations_head_sync()'::regprocedure, 'pg_proc')"));
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(HeadState.Matches, await Store.CheckHeadAsync(connection, LedgerDigest.Of(Tables(3)), prepare: false, CancellationToken.None));
    }

    [Fact]
    public async Task The_head_follows_a_non_transactional_migration_from_running_to_applied()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = new[] { Sql(1, "t1", "CREATE TABLE t1 (id int)"), Sql(2, "idx", "CREATE INDEX CONCURRENTLY t1_id ON t1 (id)", transactional: false) };

        await new MigrationRunner(db, migrations, new MigrationRunnerOptions { LockMode = MigrationLockMode.Transaction }).RunAsync();

        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(HeadState.Matches, await Store.CheckHeadAsync(connection, LedgerDigest.Of(migrations), prepare: false, CancellationToken.None));
        Assert.Equal(HeadState.Differs, await Store.CheckHeadAsync(connection, LedgerDigest.Of(migrations[..1]), prepare: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_generated_list_brings_its_digest_and_a_wrong_one_only_costs_the_slow_path()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = Tables(3);
        await new MigrationRunner(db, migrations).RunAsync();

        var right = await new MigrationRunner(db, new MigrationList(migrations, LedgerDigest.Of(migrations).Hex)).RunAsync();
        var wrong = await new MigrationRunner(db, new MigrationList(migrations, "0123456789abcdef0123456789abcdef")).RunAsync();

        Assert.Empty(right.Applied);
        Assert.Empty(wrong.Applied);
        Assert.Equal(3, wrong.AlreadyApplied);
    }

    [Fact]
    public async Task A_head_left_by_a_dropped_ledger_does_not_count_as_an_existing_table()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Tables(1)).RunAsync();
        await db.ExecuteAsync("DROP TABLE schema_migrations, t1");

        var report = await new MigrationRunner(db, Tables(2)).RunAsync();

        Assert.Equal(2, report.Applied.Count);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", true)]
    [InlineData("0123456789abcdef0123456789abcdee", false)]
    public void A_digest_is_compared_with_the_bits_PostgreSQL_prints(string hex, bool matches)
    {
        var printed = string.Concat("0123456789abcdef0123456789abcdef".Select(c => Convert.ToString(Convert.ToInt32(c.ToString(), 16), 2).PadLeft(4, '0')));

        Assert.Equal(matches, new LedgerDigest(1, hex).IsPrintedAs(printed));
        Assert.False(new LedgerDigest(1, hex).IsPrintedAs(printed[1..]));
    }

    [Fact]
    public async Task A_runner_prepares_its_head_check_from_its_second_check_on()
    {
        await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(await TestDatabase.CreateConnectionStringAsync()) { MaxPoolSize = 1 }.ConnectionString);
        await new MigrationRunner(db, Tables(2)).RunAsync();
        var runner = new MigrationRunner(db, Tables(2));
        await runner.RunAsync();
        var preparedAfterOne = await db.ScalarAsync<long>("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%schema_migrations_head%'");

        await runner.RunAsync();

        Assert.Equal(0L, preparedAfterOne);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%schema_migrations_head%'"));
    }
}
