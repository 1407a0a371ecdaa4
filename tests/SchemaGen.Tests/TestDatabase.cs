using Npgsql;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Tests;

/// <summary>
/// The server the tests use: the one in <c>SCHEMAGEN_CONNECTION</c> when set (its user must be allowed to create
/// databases), else one throwaway server for the whole run. Each test gets a fresh database on it.
/// Tests about the password need a server that enforces one they know, so they always use the throwaway server.
/// </summary>
internal static class TestDatabase
{
    private static readonly Lazy<Task<NpgsqlConnectionStringBuilder>> Throwaway = new(StartThrowawayAsync);
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private static int _databases;

    /// <summary>The server's connection settings (password included, if it has one).</summary>
    public static Task<NpgsqlConnectionStringBuilder> ServerAsync()
        => Environment.GetEnvironmentVariable("SCHEMAGEN_CONNECTION") is { Length: > 0 } supplied
            ? Task.FromResult(new NpgsqlConnectionStringBuilder(supplied))
            : Throwaway.Value;

    /// <summary>A throwaway server with scram-sha-256 and a random password, whatever SCHEMAGEN_CONNECTION says.</summary>
    public static Task<NpgsqlConnectionStringBuilder> PasswordProtectedServerAsync() => Throwaway.Value;

    public static async Task<NpgsqlDataSource> CreateAsync() => NpgsqlDataSource.Create(await CreateConnectionStringAsync());

    /// <summary>A fresh database's connection string, password included (a data source's own one leaves it out).</summary>
    public static async Task<string> CreateConnectionStringAsync(bool passwordProtected = false)
    {
        var server = await (passwordProtected ? PasswordProtectedServerAsync() : ServerAsync());
        var name = $"schemagen_test_{RunId}_{Interlocked.Increment(ref _databases)}";
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task<T?> ScalarAsync<T>(this NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>The first column of every row, as text; <paramref name="parameters"/> bound by name.</summary>
    public static async Task<List<string>> ListAsync(this NpgsqlDataSource dataSource, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public static async Task ExecuteAsync(this NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnectionStringBuilder> StartThrowawayAsync()
    {
        // Stopped and deleted when the test process exits.
        var server = await PostgresServer.StartAsync();
        return new NpgsqlConnectionStringBuilder(server.ConnectionString());
    }
}
