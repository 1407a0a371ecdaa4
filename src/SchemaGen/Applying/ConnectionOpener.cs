using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaGen.Logging;

namespace SchemaGen.Applying;

/// <summary>Opens a connection, retrying a bounded number of times while the server cannot be reached.</summary>
internal static class ConnectionOpener
{
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, MigrationRunnerOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var delay = options.ConnectRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException e) when (e.IsTransient && attempt < options.ConnectAttempts && !cancellationToken.IsCancellationRequested)
            {
                MigrationLog.RetryingConnection(logger, attempt, options.ConnectAttempts, e.Message, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
            catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new MigrationConnectionException(
                    $"Could not connect to PostgreSQL at {DescribeServer(dataSource)} after {attempt} attempt(s): {e.Message}. " +
                    "Check that the server is running and the connection string's host, port, database and credentials.",
                    e);
            }
        }
    }

    /// <summary>Host, port, database and user; never the password.</summary>
    public static string DescribeServer(NpgsqlDataSource dataSource)
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"{settings.Host}:{settings.Port}, database '{settings.Database}' as '{settings.Username}'";
    }
}
