using Npgsql;

namespace SchemaGen.Testing;

/// <summary>The statements on the server's maintenance database that make, clone and drop databases; every name quoted.</summary>
internal static class ServerCommands
{
    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<NpgsqlConnection> OpenAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Clones <paramref name="template"/> into a new database <paramref name="name"/>, copying its files when <paramref name="fileCopy"/> and the server can choose.</summary>
    public static async Task CloneAsync(string serverConnectionString, string template, string name, bool fileCopy, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(serverConnectionString, cancellationToken).ConfigureAwait(false);
        var strategy = fileCopy && connection.PostgreSqlVersion.Major >= 15 ? " STRATEGY = FILE_COPY" : "";
        await ExecuteAsync(connection, $"CREATE DATABASE {Quote(name)} TEMPLATE {Quote(template)}{strategy}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates an empty database <paramref name="name"/> (from <c>template0</c>).</summary>
    public static Task CreateEmptyAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
        => ExecuteAsync(connection, $"CREATE DATABASE {Quote(name)} TEMPLATE template0", cancellationToken);

    /// <summary>Drops the database, closing its connections first (PostgreSQL 13 and later).</summary>
    public static async Task DropAsync(string serverConnectionString, string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(serverConnectionString, cancellationToken).ConfigureAwait(false);
        await DropAsync(connection, name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As the other overload, on an open connection to the server.</summary>
    public static Task DropAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
        => ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", cancellationToken);

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
