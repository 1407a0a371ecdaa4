using Npgsql;

namespace SchemaGen.Applying;

/// <summary>
/// What a transactional migration's transaction runs before the migration: the session's defaults (unless the session is
/// known to be at them), and one <c>SELECT</c> of the transaction's id (assigned now, so the commit can check it is still
/// the one opened) that also sets its lock_timeout. It rides in front of the migration's first
/// <see cref="MigrationContext.ExecuteAsync"/> batch, saving a round trip; any other way to the connection sends it on its own first.
/// </summary>
internal sealed class TransactionPrelude(MigrationRunnerOptions options, bool sessionAtDefaults)
{
    /// <summary>The transaction's id once the prelude ran; 0 before.</summary>
    public long TransactionId { get; private set; }

    public bool Sent { get; private set; }

    /// <summary>The prelude's commands, the id's <c>SELECT</c> last; the prelude counts as sent from here on.</summary>
    public NpgsqlBatchCommand[] Take()
    {
        Sent = true;
        var transactionId = new NpgsqlBatchCommand(SessionSettings.SelectTransactionIdSettingLockTimeout(options.TableLockTimeout));
        return sessionAtDefaults ? [transactionId] : [.. SessionSettings.Reset(), transactionId];
    }

    /// <summary>Reads the id from a reader over a batch that starts with <see cref="Take"/>'s commands.</summary>
    public async Task ReadTransactionIdAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        TransactionId = reader.GetInt64(0);
    }

    /// <summary>Sends the prelude on its own, unless it was sent already.</summary>
    public async Task SendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (Sent)
        {
            return;
        }

        await using var batch = Batch(connection, transaction);
        TransactionId = (long)(await batch.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// As <see cref="SendAsync"/>, synchronously: for a migration reaching for <see cref="MigrationContext.Connection"/>,
    /// a property, which cannot wait.
    /// </summary>
    public void Send(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (Sent)
        {
            return;
        }

        using var batch = Batch(connection, transaction);
        TransactionId = (long)batch.ExecuteScalar()!;
    }

    private NpgsqlBatch Batch(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var batch = new NpgsqlBatch(connection, transaction) { Timeout = options.CommandTimeoutSeconds };
        foreach (var command in Take())
        {
            batch.BatchCommands.Add(command);
        }

        return batch;
    }
}
