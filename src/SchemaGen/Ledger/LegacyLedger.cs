using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaGen.Logging;

namespace SchemaGen.Ledger;

/// <summary>
/// The classic five-column tracking table that hand-rolled runners keep: <c>id, migration_name, applied_at, description,
/// execution_time_ms</c>. It is adopted in place under the lock: SchemaGen's columns are added, each row's number is
/// taken from its name's prefix (<c>001_audit_log</c>) and its checksum from this build's migration of that name.
/// </summary>
internal static class LegacyLedger
{
    public const string Columns = "id, migration_name, applied_at, description, execution_time_ms";

    public static async Task UpgradeAsync(
        NpgsqlConnection connection, LedgerTable table, IReadOnlyList<MigrationDescriptor> migrations, ILogger logger, bool inTransaction, CancellationToken cancellationToken)
    {
        if (inTransaction)
        {
            await UpgradeInAsync(connection, null, table, migrations, logger, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await UpgradeInAsync(connection, transaction, table, migrations, logger, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task UpgradeInAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, LedgerTable table, IReadOnlyList<MigrationDescriptor> migrations, ILogger logger, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using (var read = new NpgsqlCommand($"SELECT migration_name FROM {table.QualifiedName} ORDER BY id", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(reader.GetString(0));
            }
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            ALTER TABLE {table.QualifiedName}
                ADD COLUMN number integer, ADD COLUMN checksum text,
                ADD COLUMN transactional boolean NOT NULL DEFAULT true,
                ADD COLUMN status text NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'running', 'failed')),
                ADD COLUMN error text, ADD COLUMN applied_by text NOT NULL DEFAULT current_user
            """));
        foreach (var name in names)
        {
            var number = NumberOf(name, table);
            var checksum = ChecksumOf(name, migrations);
            var update = new NpgsqlBatchCommand($"UPDATE {table.QualifiedName} SET number = $1, checksum = $2 WHERE migration_name = $3");
            update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = number });
            update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = checksum });
            update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
            batch.BatchCommands.Add(update);
            MigrationLog.LegacyRowAdopted(logger, name, checksum);
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            UPDATE {table.QualifiedName} SET applied_at = CURRENT_TIMESTAMP WHERE applied_at IS NULL;
            """));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            ALTER TABLE {table.QualifiedName}
                ALTER COLUMN number SET NOT NULL, ALTER COLUMN checksum SET NOT NULL, ALTER COLUMN applied_at SET NOT NULL,
                ADD UNIQUE (number)
            """));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The original table's rows as SchemaGen reads a ledger, before it is adopted (for a status report).</summary>
    public static async Task<IReadOnlyList<LedgerRow>> ReadAsync(
        NpgsqlConnection connection, LedgerTable table, IReadOnlyList<MigrationDescriptor> migrations, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT migration_name, coalesce(applied_at, CURRENT_TIMESTAMP), execution_time_ms FROM {table.QualifiedName} ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<LedgerRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = reader.GetString(0);
            rows.Add(new LedgerRow(
                NumberOf(name, table), name, ChecksumOf(name, migrations), LedgerStatus.Applied,
                reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), null));
        }

        return rows;
    }

    /// <summary>The table kept no checksums: an applied migration is taken to be this build's migration of the same id.</summary>
    private static string ChecksumOf(string name, IReadOnlyList<MigrationDescriptor> migrations)
    {
        foreach (var migration in migrations)
        {
            if (string.Equals(migration.Id, name, StringComparison.Ordinal))
            {
                return migration.Checksum;
            }
        }

        return "unknown:recorded-before-schemagen";
    }

    private static int NumberOf(string name, LedgerTable table)
    {
        var digits = name.IndexOf('_', StringComparison.Ordinal);
        if (digits > 0 && int.TryParse(name.AsSpan(0, digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        throw new MigrationValidationException(
            $"{table.QualifiedName} is the original tracking table ({Columns}), but its row '{name}' has no number prefix such as 001_: " +
            "number it by hand (rename it NNN_name) so SchemaGen can adopt the table; nothing was changed.",
            name);
    }
}
