using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>Starting SchemaGen on a database that already has its schema: refused unless told how, a baseline, or another tool's history.</summary>
public class AdoptionTests
{
    private static readonly MigrationDescriptor[] Shop =
    [
        Sql(1, "create_users", "CREATE TABLE users (id int PRIMARY KEY)"),
        Sql(2, "add_orders", "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users)"),
        Sql(3, "add_invoices", "CREATE TABLE invoices (id int PRIMARY KEY, order_id int REFERENCES orders)"),
    ];

    [Fact]
    public async Task A_database_with_tables_but_no_ledger_is_refused_with_the_ways_to_adopt_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE orders (id int); CREATE SCHEMA billing; CREATE VIEW billing.totals AS SELECT 1 AS total");

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, Shop).RunAsync());

        Assert.StartsWith("The database already has tables (billing.totals, public.orders, public.users) but no ledger \"public\".\"schema_migrations\"", error.Message);
        Assert.Contains("set MigrationRunnerOptions.BaselineNumber = N", error.Message);
        Assert.Contains("MigrationRunnerOptions.AllowNonEmptyDatabase = true", error.Message);
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('schema_migrations')::text"));
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('invoices')::text"));
    }

    [Fact]
    public async Task Tables_an_extension_owns_do_not_count_as_an_existing_schema()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE EXTENSION pg_stat_statements");

        var report = await new MigrationRunner(db, Shop).RunAsync();

        Assert.Equal(3, report.Applied.Count);
    }

    [Theory]
    [InlineData(MigrationLockMode.Session)]
    [InlineData(MigrationLockMode.Transaction)]
    public async Task A_baseline_records_the_first_migrations_without_running_them_and_applies_the_rest(MigrationLockMode lockMode)
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users)");
        var logger = new CapturingLogger();
        var options = new MigrationRunnerOptions { BaselineNumber = 2, LockMode = lockMode };

        var report = await new MigrationRunner(db, Shop, options, logger).RunAsync();
        var again = await new MigrationRunner(db, Shop, options).RunAsync();

        Assert.Equal(["003_add_invoices"], report.Applied.Select(a => a.Migration.Id));
        Assert.Contains("Baseline: recorded 2 migration(s), up to 002_add_orders, as applied without running them", logger.Messages);
        Assert.Empty(again.Applied);
        Assert.Equal(
            ["001_create_users:True:applied", "002_add_orders:True:applied", "003_add_invoices:False:applied"],
            await db.ListAsync("SELECT migration_name || ':' || (CASE WHEN baseline THEN 'True' ELSE 'False' END) || ':' || status FROM schema_migrations ORDER BY number"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public async Task A_baseline_outside_the_builds_migrations_is_refused_up_front(int baseline)
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => new MigrationRunner(db, Shop, new MigrationRunnerOptions { BaselineNumber = baseline }));
    }

    [Fact]
    public async Task An_older_ledger_without_the_baseline_column_gets_it_when_something_is_applied()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, Shop[..1]).RunAsync();
        await db.ExecuteAsync("ALTER TABLE schema_migrations DROP COLUMN baseline");

        var report = await new MigrationRunner(db, Shop).RunAsync();

        Assert.Equal(2, report.Applied.Count);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE baseline"));
    }

    [Fact]
    public async Task Flyways_history_is_imported_version_by_version_and_the_rest_applied()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(FlywayHistory + $$"""
            CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);
            INSERT INTO flyway_schema_history VALUES
              (1, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"public"', NULL, 'app', '2024-01-01 10:00', 0, true),
              (2, '1', 'create users', 'SQL', 'V1__create_users.sql', {{Adopting.ForeignChecksum.Flyway(Shop[0].SqlText!)}}, 'app', '2024-01-02 10:00', 41, true),
              (3, '2', 'add orders', 'SQL', 'V2__add_orders.sql', {{Adopting.ForeignChecksum.Flyway(Shop[1].SqlText!)}}, 'app', '2024-01-03 10:00', 17, true),
              (4, NULL, 'reporting views', 'SQL', 'R__reporting_views.sql', 789, 'app', '2024-01-03 10:01', 5, true);
            """);
        var logger = new CapturingLogger();

        var report = await new MigrationRunner(db, Shop, new MigrationRunnerOptions { ImportHistoryFrom = MigrationHistorySource.Flyway }, logger).RunAsync();

        Assert.Equal(["003_add_invoices"], report.Applied.Select(a => a.Migration.Id));
        Assert.Contains("Imported 2 migration(s) from the Flyway history, up to 002_add_orders, as applied without running them", logger.Messages);
        Assert.Equal(
            ["001_create_users|2024-01-02 10:00:00+00|41|Run create_users (imported: Flyway version 1: create users)", "002_add_orders|2024-01-03 10:00:00+00|17|Run add_orders (imported: Flyway version 2: add orders)"],
            await db.ListAsync("SET TIME ZONE 'UTC'; SELECT migration_name || '|' || applied_at || '|' || execution_time_ms || '|' || description FROM schema_migrations WHERE baseline ORDER BY number"));
    }

    [Fact]
    public async Task A_flyway_baseline_row_stands_for_every_version_up_to_it_and_a_differing_name_refuses_until_accepted()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(FlywayHistory + """
            INSERT INTO flyway_schema_history VALUES
              (1, '1', '<< Flyway Baseline >>', 'BASELINE', '<< Flyway Baseline >>', NULL, 'app', '2024-01-01 10:00', 0, true),
              (2, '2', 'add customers', 'SQL', 'V2__add_customers.sql', NULL, 'app', '2024-01-02 10:00', 3, true);
            CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);
            """);
        var logger = new CapturingLogger();

        var refused = await Assert.ThrowsAsync<MigrationValidationException>(() =>
            new MigrationRunner(db, Shop, new MigrationRunnerOptions { ImportHistoryFrom = MigrationHistorySource.Flyway }).RunAsync());
        var report = await new MigrationRunner(db, Shop, new MigrationRunnerOptions { ImportHistoryFrom = MigrationHistorySource.Flyway, ImportAcceptedDifferences = [2] }, logger).RunAsync();

        Assert.Contains("Flyway version 2 (add customers) maps to 002_add_orders by its version, but its name differs ('add_customers')", refused.Message);
        Assert.Equal(["003_add_invoices"], report.Applied.Select(a => a.Migration.Id));
        Assert.Contains(logger.Messages, m => m.StartsWith("Importing although Flyway version 2 (add customers) maps to 002_add_orders", StringComparison.Ordinal));
        Assert.Equal(
            ["001_create_users|Run create_users (imported: Flyway baseline 1: << Flyway Baseline >>)", "002_add_orders|Run add_orders (imported: Flyway version 2: add customers)"],
            await db.ListAsync("SELECT migration_name || '|' || description FROM schema_migrations WHERE baseline ORDER BY number"));
    }

    [Theory]
    [InlineData("(1, '1', 'create users', 'SQL', 'V1__a.sql', NULL, 'app', now(), 1, false)", "Flyway version 1 (create users) is recorded as failed")]
    [InlineData("(1, '1.1', 'create users', 'SQL', 'V1_1__a.sql', NULL, 'app', now(), 1, true)", "Flyway version 1.1 (create users) is not a whole number")]
    [InlineData("(1, '1', 'create users', 'SQL', 'V1__a.sql', NULL, 'app', now(), 1, true), (2, '3', 'add invoices', 'SQL', 'V3__c.sql', NULL, 'app', now(), 1, true)", "002_add_orders has no row in flyway_schema_history, though later migrations do")]
    [InlineData("(1, '7', '<< Flyway Baseline >>', 'BASELINE', 'x', NULL, 'app', now(), 0, true)", "Flyway version 7 (<< Flyway Baseline >>) has no migration 7 in this build, which has 3")]
    public async Task A_flyway_history_that_cannot_map_onto_schemagen_numbers_is_refused(string rows, string reason)
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(FlywayHistory + $"INSERT INTO flyway_schema_history VALUES {rows};");

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() =>
            new MigrationRunner(db, Shop, new MigrationRunnerOptions { ImportHistoryFrom = MigrationHistorySource.Flyway }).RunAsync());

        Assert.StartsWith($"Cannot import the Flyway history in flyway_schema_history: 1 difference(s) from this build's migrations:\n  - {reason}", error.Message);
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('schema_migrations')::text"));
    }

    [Fact]
    public async Task Sqlx_history_is_imported_by_name_with_its_checksums_compared()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync($$"""
            CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),
                                           success BOOLEAN NOT NULL, checksum BYTEA NOT NULL, execution_time BIGINT NOT NULL);
            INSERT INTO _sqlx_migrations VALUES (20230102090000, 'add orders', '2023-01-02 09:00+00', true, '\x{{Adopting.ForeignChecksum.Sqlx(Shop[1].SqlText!)}}', 2000000),
                                                (20230101090000, 'create users', '2023-01-01 09:00+00', true, '\x{{Adopting.ForeignChecksum.Sqlx(Shop[0].SqlText!)}}', 5000000);
            CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);
            """);

        var report = await new MigrationRunner(db, Shop, new MigrationRunnerOptions { ImportHistoryFrom = MigrationHistorySource.Sqlx }).RunAsync();

        Assert.Equal(["003_add_invoices"], report.Applied.Select(a => a.Migration.Id));
        Assert.Equal(
            ["001_create_users|5|Run create_users (imported: sqlx version 20230101090000: create users)", "002_add_orders|2|Run add_orders (imported: sqlx version 20230102090000: add orders)"],
            await db.ListAsync("SELECT migration_name || '|' || execution_time_ms || '|' || description FROM schema_migrations WHERE baseline ORDER BY number"));
    }

    [Fact]
    public async Task Importing_from_a_table_that_is_not_there_names_the_option()
    {
        await using var db = await TestDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() =>
            new MigrationRunner(db, Shop, new MigrationRunnerOptions { ImportHistoryFrom = MigrationHistorySource.Sqlx }).RunAsync());

        Assert.StartsWith("MigrationRunnerOptions.ImportHistoryFrom is Sqlx, but there is no table '_sqlx_migrations' to import from", error.Message);
    }

    /// <summary>The table Flyway 9/10 creates for PostgreSQL.</summary>
    private const string FlywayHistory = """
        CREATE TABLE flyway_schema_history (
            installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL,
            script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(),
            execution_time INT NOT NULL, success BOOLEAN NOT NULL);

        """;
}
