using Npgsql;

namespace Contenders;

/// <summary>The floor: open a connection and run SELECT 1. No tool can check a database for less.</summary>
internal sealed class FloorContender : Contender
{
    public override async Task MigrateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync();
    }
}
