using Npgsql;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Tests;

/// <summary>One throwaway server for the whole test run; each test gets a fresh database on it.</summary>
internal static class TestDatabase
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(() => PostgresServer.StartAsync());
    private static int _databases;

    public static Task<PostgresServer> ServerAsync() => SharedServer.Value;

    public static async Task<NpgsqlDataSource> CreateAsync() => NpgsqlDataSource.Create(await CreateConnectionStringAsync());

    /// <summary>A fresh database's connection string, password included (a data source's own one leaves it out).</summary>
    public static async Task<string> CreateConnectionStringAsync()
    {
        var server = await ServerAsync();
        return await server.CreateDatabaseAsync($"test_{Interlocked.Increment(ref _databases)}");
    }

    public static async Task<T?> ScalarAsync<T>(this NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public static async Task ExecuteAsync(this NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
