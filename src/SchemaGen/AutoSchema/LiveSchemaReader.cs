using Npgsql;

namespace SchemaGen.AutoSchema;

/// <summary>
/// Reads the relations, columns and indexes of the given schemas (and the current one) in one round trip.
/// No array parameters or columns, so it works on an <c>NpgsqlSlimDataSourceBuilder</c> data source without <c>EnableArrays()</c>.
/// </summary>
internal static class LiveSchemaReader
{
    private const string SchemasSql = "SELECT nspname::text FROM pg_catalog.pg_namespace n WHERE {0}";

    private const string ColumnsSql = """
        SELECT n.nspname::text, c.relname::text, c.relkind, a.attname::text, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND {0}
        ORDER BY 1, 2, a.attnum
        """;

    private const string IndexColumnsSql = """
        SELECT n.nspname::text, i.relname::text, t.relname::text, x.indisunique, am.amname::text, coalesce(a.attname::text, '(expression)')
        FROM pg_catalog.pg_index x
        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
        JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace
        JOIN pg_catalog.pg_am am ON am.oid = i.relam
        CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
        LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
        WHERE k.position <= x.indnkeyatts AND {0}
        ORDER BY 1, 2, k.position
        """;

    public static async Task<LiveSchema> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<string> schemas, CancellationToken cancellationToken)
    {
        var inScope = $"n.nspname IN ({string.Concat(schemas.Select((_, i) => $"${i + 1}, "))}current_schema())";
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT current_schema()::text"));
        foreach (var sql in (ReadOnlySpan<string>)[SchemasSql, ColumnsSql, IndexColumnsSql])
        {
            var command = new NpgsqlBatchCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, inScope));
            foreach (var schema in schemas)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
            }

            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var currentSchema = reader.IsDBNull(0)
            ? throw new MigrationException("Auto-schema needs a current schema, but the connection's search_path names no existing schema; set the search_path or give every [Table] a Schema.")
            : reader.GetString(0);

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var existingSchemas = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            existingSchemas.Add(reader.GetString(0));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var relations = new Dictionary<QualifiedName, LiveRelation>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = new QualifiedName(reader.GetString(0), reader.GetString(1));
            if (!relations.TryGetValue(name, out var relation))
            {
                relations.Add(name, relation = new LiveRelation(reader.GetChar(2)));
            }

            if (!reader.IsDBNull(3))
            {
                relation.Columns.Add(new LiveColumn(reader.GetString(3), reader.GetString(4), reader.GetBoolean(5)));
            }
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var indexes = new Dictionary<QualifiedName, LiveIndex>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = new QualifiedName(reader.GetString(0), reader.GetString(1));
            if (!indexes.TryGetValue(name, out var index))
            {
                indexes.Add(name, index = new LiveIndex(reader.GetString(2), [], reader.GetBoolean(3), reader.GetString(4)));
            }

            index.Columns.Add(reader.GetString(5));
        }

        return new LiveSchema(currentSchema, existingSchemas, relations, indexes);
    }
}
