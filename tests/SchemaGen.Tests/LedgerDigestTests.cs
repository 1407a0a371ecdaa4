using SchemaGen.Ledger;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>
/// The no-op fast path compares the server's digest of the ledger with the registry's. If the two ever disagreed for an
/// up-to-date database, every start-up would silently take the slow path; these tests pin them equal.
/// </summary>
public class LedgerDigestTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1200)]
    public async Task The_server_digest_of_an_up_to_date_ledger_equals_the_registry_digest(int count)
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = Enumerable.Range(1, count).Select(n => Sql(n, $"step_{n}", "SELECT 1", checksum: $"sha256:{n:x64}")).ToArray();
        await new MigrationRunner(db, migrations).RunAsync();
        var store = new LedgerStore(new LedgerTable("public", "schema_migrations"));
        await using var connection = await db.OpenConnectionAsync();
        if (count == 0)
        {
            await store.EnsureCreatedAsync(connection, new LedgerSetup(migrations, new MigrationRunnerOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance), inTransaction: false, CancellationToken.None);
        }

        Assert.Equal(LedgerDigest.Of(migrations), await store.TryReadDigestAsync(connection, CancellationToken.None));
    }

    [Fact]
    public async Task A_changed_checksum_or_a_missing_row_changes_the_server_digest()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = Tables(3);
        await new MigrationRunner(db, migrations).RunAsync();
        var store = new LedgerStore(new LedgerTable("public", "schema_migrations"));
        await using var connection = await db.OpenConnectionAsync();

        await db.ExecuteAsync($"UPDATE schema_migrations SET checksum = 'sha256:{new string('0', 64)}' WHERE number = 2");
        Assert.NotEqual(LedgerDigest.Of(migrations), await store.TryReadDigestAsync(connection, CancellationToken.None));
        await db.ExecuteAsync("DELETE FROM schema_migrations WHERE number = 2");
        Assert.NotEqual(LedgerDigest.Of(migrations), await store.TryReadDigestAsync(connection, CancellationToken.None));
    }

    [Fact]
    public async Task A_generated_list_brings_its_digest_and_a_wrong_one_only_costs_the_slow_path()
    {
        await using var db = await TestDatabase.CreateAsync();
        var migrations = TestMigrations.Tables(3);
        await new MigrationRunner(db, migrations).RunAsync();

        var right = await new MigrationRunner(db, new MigrationList(migrations, LedgerDigest.Of(migrations).Md5)).RunAsync();
        var wrong = await new MigrationRunner(db, new MigrationList(migrations, "0123456789abcdef0123456789abcdef")).RunAsync();

        Assert.Empty(right.Applied);
        Assert.Empty(wrong.Applied);
        Assert.Equal(3, wrong.AlreadyApplied);
    }
}
