using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaGen.Ledger;
using SchemaGen.Logging;

namespace SchemaGen.Applying;

/// <summary>
/// The PostgreSQL advisory lock that serialises runners migrating the same ledger: held by the session for a whole run
/// (<see cref="MigrationLockMode.Session"/>) or by each migration's transaction (<see cref="MigrationLockMode.Transaction"/>).
/// </summary>
internal static class MigrationLock
{
    /// <summary>The lock key: the first 8 bytes of SHA-256 over <c>schemagen:</c>, the schema, a dot and the table, big-endian.</summary>
    public static long KeyFor(LedgerTable table)
        => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"schemagen:{table.Schema}.{table.Table}")));

    /// <summary>Waits for the session lock; returns false, without it, as soon as <paramref name="noLongerNeeded"/> says another process did the work.</summary>
    public static async Task<bool> AcquireAsync(
        NpgsqlConnection connection, long key, MigrationRunnerOptions options, Func<Task<bool>> noLongerNeeded, ILogger logger, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        var wait = new LockWait(key, options, logger);
        while (!(bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            await wait.PauseAsync(cancellationToken).ConfigureAwait(false);
            if (await noLongerNeeded().ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tries the transaction lock in <paramref name="transaction"/>; it is released when the transaction ends.</summary>
    public static async Task<bool> TryInTransactionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Releases the lock. A broken connection's session is gone and its lock with it: that is not an error to raise over the real one.
    /// A release that finds no lock held means the session changed under the runner (a transaction-mode pooler): logged as a warning.
    /// </summary>
    public static async Task ReleaseAsync(NpgsqlConnection connection, long key, ILogger logger)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            if (await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) is false)
            {
                MigrationLog.LockNotHeldAtRelease(logger, key);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
        }
    }
}
