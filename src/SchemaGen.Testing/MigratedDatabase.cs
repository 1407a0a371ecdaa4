using Npgsql;

namespace SchemaGen.Testing;

/// <summary>One test's own database, cloned from the migrated template; dropped when disposed, connections and all.</summary>
public sealed class MigratedDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    internal MigratedDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>Its connection string, password included.</summary>
    public string ConnectionString { get; }

    /// <summary>A data source on it, disposed with it.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Drops the database, closing its connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        await ServerCommands.DropAsync(_serverConnectionString, Name, CancellationToken.None).ConfigureAwait(false);
    }
}
