using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaGen.Ledger;
using SchemaGen.Logging;

namespace SchemaGen.Applying;

/// <summary>
/// Applies one migration and records it. A transactional migration and its ledger row commit together or not at all;
/// a non-transactional one is recorded as running first, then applied or failed, so an interrupted one is never mistaken for done.
/// </summary>
internal static class MigrationApplier
{
    public static async Task<AppliedMigration> ApplyAsync(
        NpgsqlConnection connection, LedgerStore ledger, MigrationDescriptor migration, ILogger logger, CancellationToken cancellationToken)
    {
        MigrationLog.Applying(logger, migration.Id, migration.Description);
        var started = Stopwatch.GetTimestamp();
        var context = migration.Transactional
            ? await ApplyInTransactionAsync(connection, ledger, migration, started, logger, cancellationToken).ConfigureAwait(false)
            : await ApplyWithoutTransactionAsync(connection, ledger, migration, started, logger, cancellationToken).ConfigureAwait(false);

        var elapsed = Stopwatch.GetElapsedTime(started);
        var stats = context.Stats;
        MigrationLog.Applied(logger, migration.Id, (long)elapsed.TotalMilliseconds, stats.TablesCreated, stats.ColumnsAdded, stats.IndexesCreated);
        return new AppliedMigration(migration, elapsed, stats);
    }

    private static async Task<MigrationContext> ApplyInTransactionAsync(
        NpgsqlConnection connection, LedgerStore ledger, MigrationDescriptor migration, long started, ILogger logger, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var context = new MigrationContext(migration, connection, transaction, logger);
        try
        {
            await migration.CreateInstance().UpAsync(context, cancellationToken).ConfigureAwait(false);
            await ledger.InsertAsync(connection, transaction, migration, ElapsedMs(started), LedgerStatus.Applied, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return context;
        }
        catch (Exception e)
        {
            await RollBackQuietlyAsync(transaction).ConfigureAwait(false);
            if (IsCancellation(e, cancellationToken))
            {
                throw;
            }

            throw Failure(migration, e, started, logger,
                "It ran in a transaction, so nothing of it was applied; the migrations before it stay applied and none after it ran. Fix it and run again.");
        }
    }

    private static async Task<MigrationContext> ApplyWithoutTransactionAsync(
        NpgsqlConnection connection, LedgerStore ledger, MigrationDescriptor migration, long started, ILogger logger, CancellationToken cancellationToken)
    {
        await ledger.InsertAsync(connection, null, migration, 0, LedgerStatus.Running, cancellationToken).ConfigureAwait(false);
        var context = new MigrationContext(migration, connection, null, logger);
        try
        {
            await migration.CreateInstance().UpAsync(context, cancellationToken).ConfigureAwait(false);
            await ledger.CompleteAsync(connection, migration, ElapsedMs(started), cancellationToken).ConfigureAwait(false);
            return context;
        }
        catch (Exception e)
        {
            await MarkFailedQuietlyAsync(connection, ledger, migration, started, Describe(e)).ConfigureAwait(false);
            if (IsCancellation(e, cancellationToken))
            {
                throw;
            }

            throw Failure(migration, e, started, logger,
                "It is not transactional, so part of it may have been applied. The ledger marks it failed and later runs stop at it: " +
                "check what it changed, finish or undo that by hand, then mark its ledger row applied or delete the row to run it again.");
        }
    }

    private static bool IsCancellation(Exception error, CancellationToken cancellationToken)
        => error is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private static MigrationFailedException Failure(MigrationDescriptor migration, Exception error, long started, ILogger logger, string consequence)
    {
        var reason = Describe(error);
        MigrationLog.Failed(logger, migration.Id, ElapsedMs(started), reason, error);
        return new MigrationFailedException($"Migration {migration.Id} failed: {reason}. {consequence}", migration.Id, error);
    }

    /// <summary>PostgreSQL's message with its SQLSTATE, the position in the failing statement, and the server's hint.</summary>
    private static string Describe(Exception error)
    {
        if (error is not PostgresException postgres)
        {
            return $"{error.GetType().Name}: {error.Message}";
        }

        var position = postgres.Position > 0 ? $", position {postgres.Position} in the failing statement" : "";
        var text = $"{postgres.MessageText} (SQLSTATE {postgres.SqlState}{position})";
        return postgres.Hint is null ? text : $"{text}; hint: {postgres.Hint}";
    }

    private static int ElapsedMs(long started) => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

    private static async Task RollBackQuietlyAsync(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is gone; the server rolls the transaction back by itself.
        }
    }

    private static async Task MarkFailedQuietlyAsync(NpgsqlConnection connection, LedgerStore ledger, MigrationDescriptor migration, long started, string error)
    {
        try
        {
            await ledger.FailAsync(connection, migration, ElapsedMs(started), error, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The row stays 'running', which the next run treats as interrupted: just as safe.
        }
    }
}
