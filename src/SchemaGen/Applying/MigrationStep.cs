using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaGen.Ledger;
using SchemaGen.Logging;

namespace SchemaGen.Applying;

/// <summary>
/// One migration about to be applied on the run's connection, with what applying it needs. <paramref name="SessionAtDefaults"/>:
/// the connection's session is known to be at its defaults (the migration before it on the same session reset it).
/// </summary>
internal sealed record MigrationStep(
    NpgsqlConnection Connection, LedgerStore Ledger, MigrationDescriptor Migration, MigrationRunnerOptions Options, ILogger Logger, bool SessionAtDefaults)
{
    public long Started { get; } = Stopwatch.GetTimestamp();

    public int ElapsedMs => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(Started).TotalMilliseconds);

    public MigrationContext NewContext(NpgsqlTransaction? transaction)
        => new(Migration, Connection, transaction, transaction is null ? null : new TransactionPrelude(Options, SessionAtDefaults), Options.CommandTimeoutSeconds, Logger);

    /// <summary>The commands as one batch on the run's connection (and transaction, if given).</summary>
    public NpgsqlBatch Batch(NpgsqlTransaction? transaction, params NpgsqlBatchCommand[] commands)
    {
        var batch = new NpgsqlBatch(Connection, transaction);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    /// <summary>Runs the commands as one batch, in one round trip.</summary>
    public async Task ExecuteAsync(NpgsqlTransaction? transaction, CancellationToken cancellationToken, params NpgsqlBatchCommand[] commands)
    {
        await using var batch = Batch(transaction, commands);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a ledger row outside any transaction, after bringing the session back to its defaults in a round trip of
    /// its own: a migration that set <c>default_transaction_read_only</c> would make a shared batch's implicit transaction read-only.
    /// </summary>
    public async Task RecordOutsideTransactionAsync(NpgsqlBatchCommand write, CancellationToken cancellationToken)
    {
        await ExecuteAsync(null, cancellationToken, SessionSettings.Reset()).ConfigureAwait(false);
        await ExecuteAsync(null, cancellationToken, write).ConfigureAwait(false);
    }

    /// <summary>As <see cref="RecordOutsideTransactionAsync"/> after a failure: a write that cannot be made (the connection is gone) is given up.</summary>
    /// <returns>Whether the row was written.</returns>
    public async Task<bool> TryRecordOutsideTransactionAsync(NpgsqlBatchCommand write)
    {
        try
        {
            await RecordOutsideTransactionAsync(write, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    public MigrationFailedException Failure(Exception error, MigrationContext? context, string consequence)
    {
        var reason = FailureReason.Describe(error, context, Options);
        MigrationLog.Failed(Logger, Migration.Id, ElapsedMs, reason, error);
        return new MigrationFailedException($"Migration {Migration.Id} failed: {reason}. {consequence}", Migration.Id, error);
    }
}
