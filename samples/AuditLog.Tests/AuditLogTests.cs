using AuditLog.Auditing;
using Npgsql;

namespace AuditLog.Tests;

public sealed class AuditLogTests(AuditLogDatabases databases) : IClassFixture<AuditLogDatabases>
{
    [Fact]
    public async Task An_event_is_logged_for_a_user_and_read_back()
    {
        await using var db = await databases.CreateDatabaseAsync();
        await using (var user = db.DataSource.CreateCommand("INSERT INTO users (username) VALUES ('ada')"))
        {
            await user.ExecuteNonQueryAsync();
        }

        var repository = new AuditLogRepository(db.DataSource);
        var written = await new AuditLogger(db.DataSource, repository).LogAsync("ada", "user_login", "Signed in", ipAddress: "127.0.0.1");
        var read = Assert.Single(await repository.RecentAsync(10));

        Assert.Equal(written.Id, read.Id);
        Assert.Equal("ada", read.Username);
        Assert.NotNull(read.UserId);
    }

    [Fact]
    public async Task Each_test_has_a_database_of_its_own()
    {
        await using var first = await databases.CreateDatabaseAsync();
        await using var second = await databases.CreateDatabaseAsync();
        await using (var insert = first.DataSource.CreateCommand("INSERT INTO users (username) VALUES ('only_in_first')"))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await using var count = second.DataSource.CreateCommand("SELECT count(*) FROM users");

        Assert.NotEqual(first.Name, second.Name);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_dropped_database_is_gone()
    {
        var db = await databases.CreateDatabaseAsync();
        var name = db.Name;
        await db.DisposeAsync();

        await using var server = NpgsqlDataSource.Create(databases.Databases.ServerConnectionString);
        await using var exists = server.CreateCommand($"SELECT count(*) FROM pg_database WHERE datname = '{name}'");
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }

    [Fact]
    public Task Every_down_undoes_its_migration() => databases.AssertRedoAsync();
}
