using Npgsql;
using SchemaGen.Ledger;

namespace SchemaGen.Applying;

/// <summary>
/// Renews a running non-transactional migration's ledger row from a second connection, so that other runners see it is
/// still being applied; once renewals stop (the process died) they take it as interrupted.
/// </summary>
internal sealed class RunningRowRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private RunningRowRenewal(NpgsqlDataSource dataSource, LedgerStore ledger, int number, TimeSpan interval)
        => _loop = RenewAsync(dataSource, ledger, number, interval, _stop.Token);

    public static RunningRowRenewal Start(NpgsqlDataSource dataSource, LedgerStore ledger, int number, TimeSpan interval)
        => new(dataSource, ledger, number, interval);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static async Task RenewAsync(NpgsqlDataSource dataSource, LedgerStore ledger, int number, TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stop).ConfigureAwait(false);
                await ledger.Writes.RenewAsync(connection, number, stop).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // A missed renewal is retried at the next tick; only a long silence makes others give up on the row.
            }
        }
    }
}
