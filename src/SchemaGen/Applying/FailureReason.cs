using System.Globalization;
using Npgsql;

namespace SchemaGen.Applying;

/// <summary>Says in one sentence why a migration failed: the server's message and SQLSTATE, a timeout and the option behind it, and which statement.</summary>
internal static class FailureReason
{
    public const string LockNotAvailable = "55P03";

    public static string Describe(Exception error, MigrationContext? context, MigrationRunnerOptions options)
    {
        var reason = error switch
        {
            PostgresException { SqlState: LockNotAvailable } postgres => string.Create(CultureInfo.InvariantCulture,
                $"{postgres.MessageText} (SQLSTATE {postgres.SqlState}): a statement waited longer than MigrationRunnerOptions.TableLockTimeout ({Seconds(options.TableLockTimeout)}) for a lock another session holds"),
            PostgresException postgres => $"{postgres.MessageText} (SQLSTATE {postgres.SqlState})",
            NpgsqlException { InnerException: TimeoutException } when options.CommandTimeout is null =>
                $"a statement timed out after the data source's Command Timeout{DataSourceTimeout(context)}, which applies to commands not made through " +
                "the MigrationContext (ExecuteAsync, CreateCommand); raise it in the connection string, or use context.CreateCommand",
            NpgsqlException { InnerException: TimeoutException } => string.Create(CultureInfo.InvariantCulture,
                $"a statement timed out after {Seconds(options.CommandTimeout)}, the limit MigrationRunnerOptions.CommandTimeout sets; raise it or set it to null for none"),
            UnsafeMigrationSqlException => error.Message,
            _ => $"{error.GetType().Name}: {error.Message}",
        };

        if (context?.LastFailure is { } failed && ReferenceEquals(failed.Error, error))
        {
            reason += " " + failed.Describe();
        }

        return error is PostgresException { Hint: { Length: > 0 } hint } ? $"{reason}; hint: {hint.TrimEnd('.')}" : reason;
    }

    /// <summary>Whether the error means the connection itself is gone (server restart, network, a terminated backend).</summary>
    public static bool IsConnectionLoss(Exception error, NpgsqlConnection connection)
        => connection.State != System.Data.ConnectionState.Open
           || error is PostgresException { SqlState: "57P01" or "57P02" or "57P03" }
           || (error is NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException });

    private static string DataSourceTimeout(MigrationContext? context)
        => context is null ? "" : string.Create(CultureInfo.InvariantCulture, $" ({context.RawConnection.CommandTimeout} s)");

    private static string Seconds(TimeSpan? value)
        => value is { } time ? time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "none";
}
