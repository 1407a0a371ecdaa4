using Npgsql;
using SchemaGen.SqlParsing;

namespace SchemaGen.Applying;

/// <summary>
/// Runs a migration's SQL text statement by statement as the server would see it: in a transactional migration as one
/// batch (one round trip), in a non-transactional one each statement on its own, since <c>CREATE INDEX CONCURRENTLY</c>
/// and its kind refuse to share a round trip. Records which statement failed.
/// </summary>
internal static class SqlExecutor
{
    public static async Task<int> ExecuteAsync(MigrationContext context, string sql, CancellationToken cancellationToken)
    {
        var statements = SqlStatementSplitter.Split(sql);
        if (statements.Count == 0)
        {
            return 0;
        }

        if (context.RawTransaction is null)
        {
            return await OneByOneAsync(context, statements, cancellationToken).ConfigureAwait(false);
        }

        RefuseTransactionControl(statements);
        var affected = await InOneBatchAsync(context, statements, cancellationToken).ConfigureAwait(false);
        foreach (var statement in statements)
        {
            context.Observe(CreatedObjects.Of(statement));
        }

        return affected;
    }

    /// <summary>The statements in one batch, behind the transaction's prelude while that has not been sent.</summary>
    private static async Task<int> InOneBatchAsync(MigrationContext context, List<SqlStatement> statements, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(context.RawConnection, context.RawTransaction) { Timeout = context.CommandTimeoutSeconds };
        var prelude = context.Prelude is { Sent: false } unsent ? unsent : null;
        foreach (var command in prelude?.Take() ?? [])
        {
            batch.BatchCommands.Add(command);
        }

        var first = batch.BatchCommands.Count;
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.Text));
        }

        try
        {
            if (prelude is null)
            {
                return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await prelude.ReadTransactionIdAsync(reader, cancellationToken).ConfigureAwait(false);
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
            }

            return reader.RecordsAffected;
        }
        catch (NpgsqlException e)
        {
            // Npgsql sets a batch command's StatementType when the server completes it: the first one left unset failed.
            var failed = 0;
            while (failed < batch.BatchCommands.Count - 1 && batch.BatchCommands[failed].StatementType != StatementType.Unknown)
            {
                failed++;
            }

            if (failed >= first)
            {
                context.LastFailure = new FailedStatement(e, statements[failed - first], failed - first + 1, statements.Count);
            }

            throw;
        }
    }

    private static async Task<int> OneByOneAsync(MigrationContext context, List<SqlStatement> statements, CancellationToken cancellationToken)
    {
        var affected = 0;
        for (var i = 0; i < statements.Count; i++)
        {
            // A batch of one: Npgsql would split a command's text itself, at the semicolons of a BEGIN ATOMIC body too.
            await using var batch = new NpgsqlBatch(context.RawConnection) { Timeout = context.CommandTimeoutSeconds };
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statements[i].Text));
            try
            {
                affected += Math.Max(0, await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false));
                context.Observe(CreatedObjects.Of(statements[i]));
            }
            catch (NpgsqlException e)
            {
                context.LastFailure = new FailedStatement(e, statements[i], i + 1, statements.Count);
                throw;
            }
        }

        return affected;
    }

    /// <summary>Refuses, before anything runs, SQL that would end the transaction the migration shares with its ledger row.</summary>
    private static void RefuseTransactionControl(List<SqlStatement> statements)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            if (TransactionControl.Is(statements[i]))
            {
                throw new UnsafeMigrationSqlException(
                    $"statement {i + 1} of {statements.Count} (line {statements[i].Line}): {statements[i].FirstLine} would end the transaction " +
                    "the migration shares with its ledger row, so part of it could commit without being recorded. Remove it; if parts must commit " +
                    "separately, make each its own migration, or set Transactional = false");
            }
        }
    }
}
