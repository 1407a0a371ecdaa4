using Npgsql;

namespace SchemaGen.Ledger;

/// <summary>Reads and writes the ledger on a given connection.</summary>
internal sealed class LedgerStore(LedgerTable table)
{
    private const string UndefinedTable = "42P01";
    private const string UndefinedColumn = "42703";

    public LedgerTable Table { get; } = table;

    /// <summary>The statements that record migrations, with their parameters bound.</summary>
    public LedgerWrites Writes { get; } = new LedgerWrites(table.QualifiedName);

    /// <summary>Reads every row in one round trip; null when the ledger table does not exist yet.</summary>
    /// <remarks>A classic five-column tracking table, not adopted yet, is read as it will be adopted.</remarks>
    public async Task<IReadOnlyList<LedgerRow>?> TryReadAsync(NpgsqlConnection connection, IReadOnlyList<MigrationDescriptor> migrations, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == UndefinedTable)
        {
            return null;
        }
        catch (PostgresException e) when (e.SqlState == UndefinedColumn)
        {
            var (kind, columns) = await ReadShapeAsync(connection, cancellationToken).ConfigureAwait(false);
            return kind == "r" && columns == LegacyLedger.Columns
                ? await LegacyLedger.ReadAsync(connection, Table, migrations, cancellationToken).ConfigureAwait(false)
                : throw NotALedger(kind, columns, e);
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
        catch (PostgresException e) when (e.SqlState == UndefinedColumn)
        {
            var (kind, columns) = await ReadShapeAsync(connection, cancellationToken).ConfigureAwait(false);
            return kind == "r" && columns == LegacyLedger.Columns ? null : throw NotALedger(kind, columns, e);
        }
    }

    public async Task<IReadOnlyList<LedgerRow>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Table.SelectAll, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<LedgerRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var column = 0; column <= 4; column++)
            {
                if (reader.IsDBNull(column))
                {
                    throw Tampered(reader, $"its {reader.GetName(column)} is NULL");
                }
            }

            var status = reader.GetString(3);
            rows.Add(new LedgerRow(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                ParseStatus(status) ?? throw Tampered(reader, $"its status '{status}' is none of applied, running, failed"),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                TimeSpan.FromSeconds(reader.GetDouble(8))));
        }

        return rows;
    }

    /// <summary>
    /// Creates the schema (only when missing, so no CREATE privilege on the database is needed otherwise) and the table, or
    /// adopts a classic five-column tracking table. <c>inTransaction</c>: the caller has a transaction open (else an adoption opens its own).
    /// </summary>
    /// <returns>Whether the table was created.</returns>
    public async Task<bool> EnsureCreatedAsync(NpgsqlConnection connection, LedgerSetup setup, bool inTransaction, CancellationToken cancellationToken)
    {
        await using var probe = new NpgsqlCommand(
            "SELECT (SELECT relkind::text FROM pg_class WHERE oid = to_regclass($1)), EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $2)",
            connection);
        probe.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Table.QualifiedName });
        probe.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Table.Schema });
        string? kind;
        bool schemaExists;
        await using (var reader = await probe.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            kind = reader.IsDBNull(0) ? null : reader.GetString(0);
            schemaExists = reader.GetBoolean(1);
        }

        if (kind is "r" or "p")
        {
            var columns = (await ReadShapeAsync(connection, cancellationToken).ConfigureAwait(false)).Columns;
            if (columns == LegacyLedger.Columns)
            {
                await LegacyLedger.UpgradeAsync(connection, Table, setup.Migrations, setup.Logger, inTransaction, cancellationToken).ConfigureAwait(false);
            }

            if (!columns.Split(", ").Contains("baseline", StringComparer.Ordinal))
            {
                // Ledgers made before baselines existed.
                await ExecuteAsync(connection, Table.AddBaselineColumn, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        if (kind is not null)
        {
            throw new MigrationValidationException(
                $"{Table.QualifiedName} is not a table (pg_class.relkind '{kind}': a view, sequence, index or foreign table), so it cannot be the ledger. " +
                "Set MigrationRunnerOptions.TableName (or Schema) to a name that is free or names the ledger table.");
        }

        await ExistingSchemaGuard.EnsureAdoptableAsync(connection, Table, setup.Options, cancellationToken).ConfigureAwait(false);
        Logging.MigrationLog.CreatingLedger(setup.Logger, Table.Table);
        if (!schemaExists)
        {
            await ExecuteAsync(connection, Table.CreateSchema, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, Table.Create, cancellationToken).ConfigureAwait(false);
        Logging.MigrationLog.LedgerCreated(setup.Logger, Table.Table);
        return true;
    }

    /// <summary>The relation's kind and its columns in order, as "a, b, c".</summary>
    private async Task<(string Kind, string Columns)> ReadShapeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relkind::text, string_agg(a.attname::text, ', ' ORDER BY a.attnum)
            FROM pg_class c LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.oid = to_regclass($1) GROUP BY c.relkind
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Table.QualifiedName });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (found ? reader.GetString(0) : "?", found && !reader.IsDBNull(1) ? reader.GetString(1) : "none");
    }

    /// <summary>Something else has the ledger's name: another tool's table, a view. Names what was found.</summary>
    private MigrationValidationException NotALedger(string kind, string columns, PostgresException error)
    {
        var what = kind is "r" or "p" ? "a table" : $"not a table (pg_class.relkind '{kind}': a view, sequence, index or foreign table)";
        return new MigrationValidationException(
            $"{Table.QualifiedName} is {what} with the columns ({columns}), not a SchemaGen ledger ({error.MessageText}). " +
            "If it belongs to another tool or an older system, set MigrationRunnerOptions.TableName (or Schema) to a free name for SchemaGen's ledger; nothing was applied.");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static LedgerStatus? ParseStatus(string status) => status switch
    {
        "applied" => LedgerStatus.Applied,
        "running" => LedgerStatus.Running,
        "failed" => LedgerStatus.Failed,
        _ => null,
    };

    private MigrationValidationException Tampered(NpgsqlDataReader reader, string problem)
    {
        var name = reader.IsDBNull(1) ? null : reader.GetString(1);
        return new MigrationValidationException(
            $"Ledger row id {reader.GetInt32(7).ToString(System.Globalization.CultureInfo.InvariantCulture)} of {Table.QualifiedName} " +
            $"({name ?? "no migration name"}) was edited by hand: {problem}. Correct the row or delete it; nothing was applied.",
            name);
    }
}
