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
/// A session-level PostgreSQL advisory lock that serialises runners migrating the same ledger.
/// Waiters poll <c>pg_try_advisory_lock</c> instead of blocking in <c>pg_advisory_lock</c>: a blocked waiter holds a
/// snapshot, which a <c>CREATE INDEX CONCURRENTLY</c> run by the lock's holder would wait for, and neither would move.
/// </summary>
internal static class MigrationLock
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>The lock key: the first 8 bytes of SHA-256 over <c>schemagen:</c>, the schema, a dot and the table, big-endian.</summary>
    public static long KeyFor(LedgerTable table)
        => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"schemagen:{table.Schema}.{table.Table}")));

    /// <summary>Waits for the lock; returns false, without it, as soon as <paramref name="noLongerNeeded"/> says another process did the work.</summary>
    public static async Task<bool> AcquireAsync(
        NpgsqlConnection connection, long key, TimeSpan timeout, Func<Task<bool>> noLongerNeeded, ILogger logger, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        var started = Stopwatch.GetTimestamp();
        var poll = FirstPoll;
        var logged = false;
        while (!(bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            var waited = Stopwatch.GetElapsedTime(started);
            if (waited >= timeout)
            {
                throw new MigrationLockTimeoutException(
                    $"Another process has held the migration lock (advisory lock {key}) for more than {timeout.TotalSeconds:0.#} s. " +
                    "It is probably still migrating: wait for it, or raise MigrationRunnerOptions.LockTimeout. " +
                    $"To see who holds it: SELECT pid, application_name, client_addr FROM pg_locks JOIN pg_stat_activity USING (pid) WHERE locktype = 'advisory' " +
                    $"AND pg_locks.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND objid = {(uint)key} AND classid = {(uint)(key >> 32)}.");
            }

            if (!logged)
            {
                MigrationLog.WaitingForLock(logger);
                logged = true;
            }

            await Task.Delay(Min(poll, timeout - waited), cancellationToken).ConfigureAwait(false);
            poll = Min(poll * 2, LongestPoll);
            if (await noLongerNeeded().ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
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

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;
}
