using Npgsql;

namespace Contenders;

/// <summary>Raw Npgsql: the same statements, one transaction each, recording nothing.</summary>
internal sealed class RawNpgsqlContender(int count) : Contender
{
    public override async Task MigrateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var probe = new NpgsqlCommand("SELECT to_regclass('t1') IS NOT NULL", connection))
        {
            if ((bool)(await probe.ExecuteScalarAsync())!)
            {
                return;
            }
        }

        for (var n = 1; n <= count; n++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(Databases.Statement(n), connection, transaction);
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }
}
