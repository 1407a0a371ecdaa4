using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaGen.Logging;

namespace SchemaGen.Applying;

/// <summary>Opens a connection, retrying a bounded number of times while the server cannot be reached or a pooled connection turns out dead.</summary>
internal static class ConnectionOpener
{
    /// <summary>
    /// Opens a connection and runs <paramref name="firstQuery"/> on it, both retried: a pooled connection may be dead
    /// (the server restarted or failed over since it was last used), which only its first query shows. The pool is
    /// cleared then, so the next attempt opens a new physical connection.
    /// </summary>
    public static async Task<(NpgsqlConnection Connection, T Result)> OpenAsync<T>(
        NpgsqlDataSource dataSource, MigrationRunnerOptions options, ILogger logger, Func<NpgsqlConnection, Task<T>> firstQuery, CancellationToken cancellationToken)
    {
        var delay = options.ConnectRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection? connection = null;
            try
            {
                connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                var result = await firstQuery(connection).ConfigureAwait(false);
                return (connection, result);
            }
            catch (NpgsqlException e) when (IsRetriable(e, connection) && attempt < options.ConnectAttempts && !cancellationToken.IsCancellationRequested)
            {
                await DiscardAsync(connection).ConfigureAwait(false);
                MigrationLog.RetryingConnection(logger, attempt, options.ConnectAttempts, e.Message, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
            catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested && (connection is null || IsRetriable(e, connection)))
            {
                await DiscardAsync(connection).ConfigureAwait(false);
                throw new MigrationConnectionException(
                    $"Could not connect to PostgreSQL at {DescribeServer(dataSource)} after {attempt} attempt(s): {e.Message}. " +
                    "Check that the server is running and the connection string's host, port, database and credentials.",
                    e);
            }
            catch
            {
                await DiscardAsync(connection).ConfigureAwait(false);
                throw;
            }
        }
    }

    private static bool IsRetriable(NpgsqlException error, NpgsqlConnection? connection)
        => error.IsTransient || (connection is not null && FailureReason.IsConnectionLoss(error, connection));

    private static async Task DiscardAsync(NpgsqlConnection? connection)
    {
        if (connection is null)
        {
            return;
        }

        if (connection.State != System.Data.ConnectionState.Open)
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Host, port, database and user; never the password.</summary>
    public static string DescribeServer(NpgsqlDataSource dataSource)
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"{settings.Host}:{settings.Port}, database '{settings.Database}' as '{settings.Username}'";
    }
}
