using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SchemaGen.Testing;

/// <summary>
/// The template database of one set of migrations: named after their digest and the ledger's place, migrated once, then
/// marked a template that accepts no connections. Made under an advisory lock on the server, so processes starting together
/// make it once; it is migrated under a temporary name and renamed when done, so a process killed half-way leaves nothing
/// another would take for a template.
/// </summary>
internal static class TemplateDatabase
{
    public static string NameFor(IReadOnlyList<MigrationDescriptor> migrations, MigrationRunnerOptions options, string prefix)
    {
        var identity = $"{MigrationList.DigestOf(migrations)}:{migrations.Count}:{options.Schema}.{options.TableName}";
        return $"{prefix}_tpl_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16]}";
    }

    /// <summary>Makes the template unless the server has it already.</summary>
    public static async Task EnsureAsync(
        string serverConnectionString, string name, IReadOnlyList<MigrationDescriptor> migrations, MigrationRunnerOptions options, CancellationToken cancellationToken)
    {
        await using var connection = await ServerCommands.OpenAsync(serverConnectionString, cancellationToken).ConfigureAwait(false);
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("schemagen-template:" + name)));
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (await IsTemplateAsync(connection, name, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var building = name + "_building";
            await ServerCommands.DropAsync(connection, building, cancellationToken).ConfigureAwait(false);
            await ServerCommands.CreateEmptyAsync(connection, building, cancellationToken).ConfigureAwait(false);
            var buildingConnection = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = building, Pooling = false }.ConnectionString;
            await using (var dataSource = NpgsqlDataSource.Create(buildingConnection))
            {
                await new MigrationRunner(dataSource, migrations, options).RunAsync(cancellationToken).ConfigureAwait(false);
            }

            await ServerCommands.ExecuteAsync(connection, $"ALTER DATABASE {ServerCommands.Quote(building)} RENAME TO {ServerCommands.Quote(name)}", cancellationToken).ConfigureAwait(false);
            await ServerCommands.ExecuteAsync(connection, $"ALTER DATABASE {ServerCommands.Quote(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
            unlock.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            await unlock.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<bool> IsTemplateAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
