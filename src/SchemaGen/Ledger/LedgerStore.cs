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
            var shape = await ReadShapeAsync(connection, cancellationToken).ConfigureAwait(false);
            return shape.IsLegacyLedger
                ? await LegacyLedger.ReadAsync(connection, Table, migrations, cancellationToken).ConfigureAwait(false)
                : throw NotALedger(shape, e.MessageText);
        }
    }

    /// <summary>
    /// Whether the ledger holds exactly <paramref name="expected"/>'s migrations, all applied, read from its head in one
    /// round trip and one small row. <see cref="HeadState.Missing"/> when there is no ledger, or no head for it (a ledger
    /// made before heads existed, or re-created by hand).
    /// </summary>
    /// <remarks>
    /// <paramref name="prepare"/>: prepare the query on the physical connection, where Npgsql keeps it for the next run, as
    /// planning it costs more than running it. Not through a transaction-mode pooler, which cannot keep a prepared statement.
    /// </remarks>
    public async Task<HeadState> CheckHeadAsync(NpgsqlConnection connection, LedgerDigest expected, bool prepare, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(Table.Head.Check, connection);
            if (prepare)
            {
                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return HeadState.Missing;
            }

            return reader.GetInt64(0) == expected.Count && reader.GetInt64(1) == 0 && expected.IsPrintedAs(reader.GetString(2))
                ? HeadState.Matches
                : HeadState.Differs;
        }
        catch (PostgresException e) when (e.SqlState == UndefinedTable)
        {
            return HeadState.Missing;
        }
    }

    /// <summary>The repeatable migrations' rows; none when there is no ledger, or it predates them.</summary>
    public async Task<IReadOnlyList<RecordedRepeatable>> TryReadRepeatablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(Table.SelectRepeatables, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<RecordedRepeatable>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new RecordedRepeatable(
                    reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.IsDBNull(3) ? null : reader.GetInt32(3)));
            }

            return rows;
        }
        catch (PostgresException e) when (e.SqlState is UndefinedTable or UndefinedColumn)
        {
            return [];
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
        var shape = await ReadShapeAsync(connection, cancellationToken).ConfigureAwait(false);
        if (shape.IsTable)
        {
            if (!shape.IsLegacyLedger && !shape.IsLedger)
            {
                throw NotALedger(shape, "it lacks SchemaGen's columns");
            }

            if (shape.IsLegacyLedger)
            {
                await LegacyLedger.UpgradeAsync(connection, Table, setup.Migrations, setup.Logger, inTransaction, cancellationToken).ConfigureAwait(false);
            }

            if (!shape.HasColumn("baseline"))
            {
                // Ledgers made before baselines existed.
                await ExecuteAsync(connection, Table.AddBaselineColumn, cancellationToken).ConfigureAwait(false);
            }

            if (!shape.HasColumn("applied_sql"))
            {
                // Ledgers made before the applied SQL was kept.
                await ExecuteAsync(connection, Table.AddAppliedSqlColumn, cancellationToken).ConfigureAwait(false);
            }

            if (!shape.HasColumn("kind"))
            {
                // Ledgers made before repeatable migrations.
                foreach (var statement in Table.AddKindColumn)
                {
                    await ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
                }
            }

            if (!shape.HasHead)
            {
                // Ledgers made before heads existed, whose head trigger was dropped or disabled, or whose head function is of an older version.
                await InstallHeadAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        if (shape.Kind is not null)
        {
            throw new MigrationValidationException(
                $"{Table.QualifiedName} is not a table (pg_class.relkind '{shape.Kind}': a view, sequence, index or foreign table), so it cannot be the ledger. " +
                "Set MigrationRunnerOptions.TableName (or Schema) to a name that is free or names the ledger table.");
        }

        await ExistingSchemaGuard.EnsureAdoptableAsync(connection, Table, setup.Options, cancellationToken).ConfigureAwait(false);
        Logging.MigrationLog.CreatingLedger(setup.Logger, Table.Table);
        if (!shape.SchemaExists)
        {
            await ExecuteAsync(connection, Table.CreateSchema, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, Table.Create, cancellationToken).ConfigureAwait(false);
        await InstallHeadAsync(connection, cancellationToken).ConfigureAwait(false);
        Logging.MigrationLog.LedgerCreated(setup.Logger, Table.Table);
        return true;
    }

    /// <summary>Creates or repairs the head in one round trip; a batch outside a transaction is one implicit transaction.</summary>
    private async Task InstallHeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var statement in Table.Head.Install)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What stands under the ledger's name, in one round trip.</summary>
    private async Task<LedgerShape> ReadShapeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT relkind::text FROM pg_class WHERE oid = to_regclass($1)),
                   (SELECT string_agg(attname::text, ', ' ORDER BY attnum) FROM pg_attribute
                    WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped),
                   EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $2),
                   to_regclass($3) IS NOT NULL
                   AND (SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass($1) AND tgname IN ($4, $5) AND tgenabled = 'A') = 2
                   AND obj_description(to_regprocedure($6), 'pg_proc') IS NOT DISTINCT FROM $7
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Table.QualifiedName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Table.Schema });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Table.Head.QualifiedName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = LedgerHead.TriggerName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = LedgerHead.TruncateTriggerName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Table.Head.Function });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = LedgerHead.FunctionVersion });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new LedgerShape(
            reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2), HasHead: reader.GetBoolean(3));
    }

    /// <summary>Something else has the ledger's name: another tool's table, a view. Names what was found.</summary>
    private MigrationValidationException NotALedger(LedgerShape shape, string problem)
    {
        var what = shape.IsTable ? "a table" : $"not a table (pg_class.relkind '{shape.Kind ?? "?"}': a view, sequence, index or foreign table)";
        return new MigrationValidationException(
            $"{Table.QualifiedName} is {what} with the columns ({shape.Columns ?? "none"}), not a SchemaGen ledger ({problem}). " +
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
