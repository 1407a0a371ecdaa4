using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SchemaGen.Logging;

namespace SchemaGen.Applying;

/// <summary>
/// Waiting for another runner, by polling with a doubling pause (20 ms up to 500 ms) until <see cref="MigrationRunnerOptions.LockTimeout"/>.
/// Polling, not blocking: a waiter blocked in a lock function holds a snapshot that a <c>CREATE INDEX CONCURRENTLY</c>
/// run by the other runner would wait for, and neither would move.
/// </summary>
internal sealed class LockWait(long key, MigrationRunnerOptions options, ILogger logger)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

    private const string RaiseInCode = "raise MigrationRunnerOptions.LockTimeout";

    private readonly TimeSpan _timeout = options.LockTimeout;
    private long _started = Stopwatch.GetTimestamp();
    private TimeSpan _poll = FirstPoll;
    private bool _logged;

    /// <summary>Pauses once; throws when the whole wait has passed the timeout.</summary>
    public async Task PauseAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.GetElapsedTime(_started);
        if (waited >= _timeout)
        {
            throw new MigrationLockTimeoutException(
                $"Another process has held the migration lock (advisory lock {key}) for more than {_timeout.TotalSeconds:0.#} s. " +
                $"It is probably still migrating: wait for it, or {Remedy}. " +
                "To see who holds it: SELECT pid, application_name, client_addr FROM pg_locks JOIN pg_stat_activity USING (pid) WHERE locktype = 'advisory' " +
                $"AND pg_locks.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND objid = {(uint)key} AND classid = {(uint)(key >> 32)}.");
        }

        if (!_logged)
        {
            MigrationLog.WaitingForLock(logger);
            _logged = true;
        }

        await Task.Delay(Min(_poll, _timeout - waited), cancellationToken).ConfigureAwait(false);
        _poll = Min(_poll * 2, LongestPoll);
    }

    /// <summary>Starts the timeout afresh: the other runner made progress.</summary>
    public void Restart()
    {
        _started = Stopwatch.GetTimestamp();
        _poll = FirstPoll;
    }

    /// <summary>What the timeout's message tells a person to do: the verb's option when a verb started the run.</summary>
    private string Remedy => options.CommandName is null ? RaiseInCode : $"pass the verb --lock-timeout SECONDS (in code: {RaiseInCode})";

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;
}
