using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaGen.Logging;
using SchemaGen.SqlParsing;

namespace SchemaGen.Ledger;

/// <summary>
/// The hand repairs of ledger rows, each under the migration lock so no runner is mid-way: re-recording an applied migration's
/// checksum as this build's (showing what the edit changed, and refusing a change the database would see unless forced),
/// re-recording rows verified with checksum version 1 as version 2, and settling a failed or interrupted non-transactional migration.
/// </summary>
internal static class LedgerRepair
{
    public static async Task<ChecksumRepair> RecordChecksumAsync(
        NpgsqlConnection connection, LedgerTable table, MigrationDescriptor migration, bool force, MigrationRunnerOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        await EnsureAppliedSqlColumnAsync(connection, table, cancellationToken).ConfigureAwait(false);
        var (recorded, recordedSql) = await ReadRecordedAsync(connection, table, migration, cancellationToken).ConfigureAwait(false);
        if (recorded is null || recorded == migration.Checksum)
        {
            throw new MigrationValidationException(
                $"{migration.Id} has no applied ledger row with a checksum other than this build's ({migration.Checksum}): it is pending, failed, " +
                "recorded under another name, or already matches. The status verb shows its state. Nothing was changed.", migration.Id);
        }

        var known = recordedSql is not null && migration.SqlText is not null;
        var changes = known ? SqlTokenDiff.Changes(recordedSql!, migration.SqlText!) : [];
        var verb = $"repair checksum {migration.Number} --force";
        if (!known && !force)
        {
            throw new MigrationValidationException(
                $"{migration.Id} was recorded with checksum {recorded}, but the ledger did not keep the SQL it was recorded with " +
                $"({(migration.SqlText is null ? "a C# migration" : "a row from before SchemaGen kept it, or edited by hand")}), so what the edit changed cannot be shown. " +
                $"Check the edit yourself (say, with git diff); if the database does not see it, {Remedy.Of(options, verb, $"call MigrationRunner.RepairChecksumAsync({migration.Number}, force: true)")}. Nothing was changed.",
                migration.Id);
        }

        if (changes.Count > 0 && !force)
        {
            throw new MigrationValidationException(
                $"{migration.Id} was edited after it ran, and the edit changes what the database runs:{string.Join("", changes.Select(change => "\n  " + change))}\n" +
                "Recording this build's checksum would claim the database has this SQL, which it does not. Revert the edit and put the change in a new migration; " +
                $"if the database already has it (done by hand), {Remedy.Of(options, verb, $"call MigrationRunner.RepairChecksumAsync({migration.Number}, force: true)")}. Nothing was changed.",
                migration.Id);
        }

        await using var command = new NpgsqlCommand(
            $"UPDATE {table.QualifiedName} SET checksum = $3, applied_sql = $5 WHERE number = $1 AND migration_name = $2 AND status = 'applied' AND checksum = $4",
            connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = recorded });
        command.Parameters.Add(new NpgsqlParameter<byte[]?> { TypedValue = AppliedSql.Of(migration), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        var change = !known ? "forced; the SQL it was recorded with was not kept"
            : changes.Count > 0 ? $"forced over {changes.Count} change(s) the database sees: {string.Join("; ", changes)}"
            : "the statements are the same as when it ran (only comments, whitespace, keyword case or the transactional header differ)";
        MigrationLog.ChecksumRepaired(logger, migration.Id, migration.Checksum, recorded, change);
        return new ChecksumRepair(migration.Id, recorded, migration.Checksum, changes, known);
    }

    /// <summary>Re-records as version 2 each applied SQL migration whose version-1 checksum this build's file still gives.</summary>
    /// <returns>How many rows were re-recorded.</returns>
    public static async Task<int> UpgradeChecksumsAsync(
        NpgsqlConnection connection, LedgerStore ledger, IReadOnlyList<MigrationDescriptor> migrations, ILogger logger, CancellationToken cancellationToken)
    {
        await EnsureAppliedSqlColumnAsync(connection, ledger.Table, cancellationToken).ConfigureAwait(false);
        var rows = await ledger.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var row in rows)
        {
            if (row.Status != LedgerStatus.Applied || row.Number > migrations.Count)
            {
                continue;
            }

            var migration = migrations[row.Number - 1];
            if (migration.Id == row.MigrationName && migration.IsRecordedWithVersion1(row.Checksum) && migration.IsRecordedAs(row.Checksum))
            {
                var command = new NpgsqlBatchCommand(
                    $"UPDATE {ledger.Table.QualifiedName} SET checksum = $3, applied_sql = coalesce(applied_sql, $4) WHERE number = $1 AND checksum = $2");
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = row.Number });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.Checksum });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
                command.Parameters.Add(new NpgsqlParameter<byte[]?> { TypedValue = AppliedSql.Of(migration), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
                batch.BatchCommands.Add(command);
            }
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        MigrationLog.ChecksumsUpgraded(logger, batch.BatchCommands.Count);
        return batch.BatchCommands.Count;
    }

    /// <summary>Adds the <c>applied_sql</c> column to a ledger an earlier release made; refuses when there is no ledger.</summary>
    private static async Task EnsureAppliedSqlColumnAsync(NpgsqlConnection connection, LedgerTable table, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(table.AddAppliedSqlColumn, connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new MigrationValidationException($"There is no ledger {table.QualifiedName} to repair: nothing was migrated here yet. Nothing was changed.");
        }
    }

    /// <summary>The applied row's checksum, and the SQL it was recorded with when the ledger kept it and it gives that checksum.</summary>
    private static async Task<(string? Checksum, string? Sql)> ReadRecordedAsync(
        NpgsqlConnection connection, LedgerTable table, MigrationDescriptor migration, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(table.SelectRecorded, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (null, null);
        }

        var checksum = reader.GetString(0);
        if (reader.IsDBNull(1))
        {
            return (checksum, null);
        }

        var sql = AppliedSql.Decompress(reader.GetFieldValue<byte[]>(1));
        // Kept SQL that does not give the recorded checksum was edited by hand: it cannot stand for what ran.
        return (checksum, SqlChecksum.Compute(sql, reader.GetBoolean(2), SqlChecksum.VersionOf(checksum)) == checksum ? sql : null);
    }

    public static async Task ResolveAsync(
        NpgsqlConnection connection, LedgerTable table, MigrationDescriptor migration, MigrationResolution resolution, TimeSpan runningRowTimeout, ILogger logger,
        CancellationToken cancellationToken)
    {
        var settle = resolution == MigrationResolution.Applied
            ? $"UPDATE {table.QualifiedName} SET status = 'applied', error = NULL, applied_at = CURRENT_TIMESTAMP"
            : $"DELETE FROM {table.QualifiedName}";
        await using var command = new NpgsqlCommand(
            $"""
            {settle}
            WHERE number = $1 AND migration_name = $2
              AND (status = 'failed' OR (status = 'running' AND applied_at < clock_timestamp() - $3))
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Id });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = runningRowTimeout });
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new MigrationValidationException(
                $"{migration.Id} is not recorded as failed, nor as running and abandoned (its runner renews a running row every few seconds): " +
                "there is nothing to resolve, or it may still be running. The status verb shows its state. Nothing was changed.", migration.Id);
        }

        MigrationLog.Resolved(logger, migration.Id, resolution == MigrationResolution.Applied ? "recorded as applied" : "row deleted, so the next run applies it again");
    }
}
