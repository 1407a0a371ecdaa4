using Npgsql;

namespace Contenders;

/// <summary>Creates an empty database next to the admin connection's and returns its connection string.</summary>
internal static class Databases
{
    public static async Task<string> CreateAsync(string adminConnection)
    {
        var name = "c_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(adminConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(adminConnection) { Database = name }.ConnectionString;
    }

    /// <summary>The statement every tool's migration number <paramref name="n"/> runs.</summary>
    public static string Statement(int n) => $"CREATE TABLE t{n} (id int PRIMARY KEY, name text)";
}
