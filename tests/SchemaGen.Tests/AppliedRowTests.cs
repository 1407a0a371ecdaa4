using Npgsql;
using SchemaGen.Ledger;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>
/// Every path that writes an <c>applied</c> ledger row: it records a migration only when it ran (and then its schema is there)
/// or a person named it by number, with this build's checksum and, for a SQL migration, the SQL that checksum stands for.
/// </summary>
public class AppliedRowTests
{
    private static readonly MigrationDescriptor[] Build =
    [
        Sql(1, "users", "CREATE TABLE users (id int PRIMARY KEY)"),
        Sql(2, "users_index", "CREATE INDEX CONCURRENTLY users_id ON users (id)", transactional: false),
        Custom(3, "orders", (context, ct) => context.ExecuteAsync("CREATE TABLE orders (id int)", ct)),
        Sql(4, "notes", "CREATE TABLE notes (id int)"),
    ];

    [Theory]
    [InlineData(MigrationLockMode.Session)]
    [InlineData(MigrationLockMode.Transaction)]
    public async Task A_run_records_each_migration_it_ran_transactional_or_not_with_its_sql(MigrationLockMode lockMode)
    {
        await using var db = await TestDatabase.CreateAsync();

        await new MigrationRunner(db, Build, new MigrationRunnerOptions { LockMode = lockMode }).RunAsync();

        Assert.Equal(["1 ran sql", "2 ran sql", "3 ran", "4 ran sql"], await RowsAsync(db));
        Assert.Equal(4, await SchemaObjectsAsync(db));
    }

    [Fact]
    public async Task A_baseline_records_the_numbers_a_person_gave_and_applies_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE users (id int PRIMARY KEY); CREATE INDEX users_id ON users (id)");

        var recorded = await new MigrationRunner(db, Build).BaselineAsync(2);

        Assert.Equal(2, recorded);
        Assert.Equal(["1 baseline sql", "2 baseline sql"], await RowsAsync(db));
        Assert.Equal(2, await SchemaObjectsAsync(db));
    }

    [Fact]
    public async Task An_import_records_the_rows_that_mapped_and_applies_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync($$"""
            CREATE TABLE users (id int PRIMARY KEY);
            CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),
                                           success BOOLEAN NOT NULL, checksum BYTEA NOT NULL, execution_time BIGINT NOT NULL);
            INSERT INTO _sqlx_migrations VALUES (20240101000000, 'users', now(), true, '\x{{Adopting.ForeignChecksum.Sqlx(Build[0].SqlText!)}}', 1000);
            """);

        var recorded = await new MigrationRunner(db, Build, new MigrationRunnerOptions { ImportHistoryFrom = MigrationHistorySource.Sqlx }).ImportHistoryAsync();

        Assert.Equal(1, recorded);
        Assert.Equal(["1 baseline sql"], await RowsAsync(db));
        Assert.Equal(1, await SchemaObjectsAsync(db));
    }

    [Fact]
    public async Task Repair_applied_records_a_failed_non_transactional_migration_only_when_a_person_names_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        MigrationDescriptor[] broken = [Build[0], Sql(2, "users_index", "CREATE INDEX CONCURRENTLY users_id ON users (no_such_column)", transactional: false)];
        await Assert.ThrowsAsync<MigrationFailedException>(() => new MigrationRunner(db, broken).RunAsync());
        var failed = await RowsAsync(db, broken);

        await db.ExecuteAsync("CREATE INDEX users_id ON users (id)");
        await new MigrationRunner(db, broken).ResolveAsync(2, MigrationResolution.Applied);

        Assert.Equal(["1 ran sql", "2 failed sql"], failed);
        Assert.Equal(["1 ran sql", "2 ran sql"], await RowsAsync(db, broken));
    }

    [Fact]
    public async Task The_sql_a_row_keeps_is_its_migrations_text_and_gives_its_checksum()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Build).RunAsync();

        var kept = AppliedSql.Decompress((await db.ScalarAsync<byte[]>("SELECT applied_sql FROM schema_migrations WHERE number = 2"))!);

        Assert.Equal(Build[1].SqlText, kept);
        Assert.Equal(Build[1].Checksum, SqlParsing.SqlChecksum.Compute(kept, transactional: false));
    }

    /// <summary>Each row: its number, how it came to be (ran, baseline, failed), and whether it keeps its SQL; every applied row has this build's checksum.</summary>
    private static async Task<List<string>> RowsAsync(NpgsqlDataSource db, MigrationDescriptor[]? build = null)
    {
        build ??= Build;
        var checksums = await db.ListAsync("SELECT number || ' ' || checksum FROM schema_migrations WHERE status = 'applied' ORDER BY number");
        Assert.All(checksums, row => Assert.Equal(build[int.Parse(row.Split(' ')[0]) - 1].Checksum, row.Split(' ')[1]));
        return await db.ListAsync("""
            SELECT number || ' ' || CASE WHEN status <> 'applied' THEN status WHEN baseline THEN 'baseline' ELSE 'ran' END
                   || CASE WHEN applied_sql IS NULL THEN '' ELSE ' sql' END
            FROM schema_migrations ORDER BY number
            """);
    }

    /// <summary>How many of the objects the migrations build exist: users, users_id, orders, notes.</summary>
    private static async Task<long> SchemaObjectsAsync(NpgsqlDataSource db)
        => await db.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname IN ('users', 'users_id', 'orders', 'notes') AND relnamespace = 'public'::regnamespace");
}
