using Npgsql;

namespace SchemaGen.Ledger;

/// <summary>Reads and writes the ledger on a given connection.</summary>
internal sealed class LedgerStore(LedgerTable table)
{
    private const string UndefinedTable = "42P01";

    public LedgerTable Table { get; } = table;

    /// <summary>Reads every row in one round trip; null when the ledger table does not exist yet.</summary>
    public async Task<IReadOnlyList<LedgerRow>?> TryReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == UndefinedTable)
        {
            return null;
        }
    }

    /// <summary>Reads the ledger's digest in one round trip and one small row; null when the ledger table does not exist yet.</summary>
    public async Task<LedgerDigest?> TryReadDigestAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(Table.Digest, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new LedgerDigest(reader.GetInt64(0), reader.GetBoolean(1), reader.GetString(2));
        }
        catch (PostgresException e) when (e.SqlState == UndefinedTable)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<LedgerRow>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Table.SelectAll, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<LedgerRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new LedgerRow(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                ParseStatus(reader.GetString(3)),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return rows;
    }

    /// <summary>Creates the schema (only when missing, so no CREATE privilege on the database is needed otherwise) and the table.</summary>
    /// <returns>Whether the table was created.</returns>
    public async Task<bool> EnsureCreatedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var probe = new NpgsqlCommand(
            "SELECT to_regclass($1) IS NOT NULL, EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $2)",
            connection);
        probe.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Table.QualifiedName });
        probe.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Table.Schema });
        bool tableExists, schemaExists;
        await using (var reader = await probe.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            tableExists = reader.GetBoolean(0);
            schemaExists = reader.GetBoolean(1);
        }

        if (tableExists)
        {
            return false;
        }

        if (!schemaExists)
        {
            await ExecuteAsync(connection, Table.CreateSchema, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, Table.Create, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Records a migration; run it in the migration's own transaction (applied) or before it starts (running).</summary>
    public NpgsqlBatchCommand Insert(MigrationDescriptor migration, int executionTimeMs, LedgerStatus status, string? error = null)
    {
        var command = new NpgsqlBatchCommand(Table.Insert);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Description });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = executionTimeMs });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = migration.Transactional });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = FormatStatus(status) });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = error });
        return command;
    }

    /// <summary>Marks a non-transactional migration recorded as running applied.</summary>
    public NpgsqlBatchCommand Complete(MigrationDescriptor migration, int executionTimeMs)
    {
        var command = new NpgsqlBatchCommand(Table.Complete);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = executionTimeMs });
        return command;
    }

    /// <summary>Marks a non-transactional migration recorded as running failed, with the reason.</summary>
    public NpgsqlBatchCommand Fail(MigrationDescriptor migration, int executionTimeMs, string error)
    {
        var command = new NpgsqlBatchCommand(Table.Fail);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Number });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = executionTimeMs });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error });
        return command;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static LedgerStatus ParseStatus(string status) => status switch
    {
        "applied" => LedgerStatus.Applied,
        "running" => LedgerStatus.Running,
        _ => LedgerStatus.Failed,
    };

    private static string FormatStatus(LedgerStatus status) => status switch
    {
        LedgerStatus.Applied => "applied",
        LedgerStatus.Running => "running",
        _ => "failed",
    };
}
