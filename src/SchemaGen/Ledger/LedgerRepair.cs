using Npgsql;

namespace SchemaGen.Ledger;

/// <summary>
/// The two hand repairs of a ledger row, each under the migration lock so no runner is mid-way: re-recording an applied
/// migration's checksum as this build's, and settling a failed or interrupted non-transactional migration.
/// </summary>
internal static class LedgerRepair
{
    public static async Task RecordChecksumAsync(NpgsqlConnection connection, LedgerTable table, MigrationDescriptor migration, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"UPDATE {table.QualifiedName} SET checksum = $3 WHERE number = $1 AND migration_name = $2 AND status = 'applied' AND checksum <> $3",
            connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new MigrationValidationException(
                $"{migration.Id} has no applied ledger row with a checksum other than this build's ({migration.Checksum}): it is pending, failed, " +
                "recorded under another name, or already matches. The status verb shows its state. Nothing was changed.", migration.Id);
        }
    }

    public static async Task ResolveAsync(
        NpgsqlConnection connection, LedgerTable table, MigrationDescriptor migration, MigrationResolution resolution, TimeSpan runningRowTimeout, CancellationToken cancellationToken)
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
    }
}
