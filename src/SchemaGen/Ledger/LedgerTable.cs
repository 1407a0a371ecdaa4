namespace SchemaGen.Ledger;

/// <summary>The SQL of the ledger table, with its schema and table names quoted once.</summary>
internal sealed class LedgerTable
{
    public LedgerTable(string schema, string table)
    {
        Schema = schema;
        Table = table;
        QualifiedName = SqlIdentifier.Quote(schema) + "." + SqlIdentifier.Quote(table);

        SelectAll = $"""
            SELECT number, migration_name, checksum, status, applied_at, execution_time_ms, error, id,
                   extract(epoch FROM clock_timestamp() - applied_at)::float8
            FROM {QualifiedName} WHERE number IS NOT NULL ORDER BY number
            """;

        SelectRepeatables = $"""
            SELECT migration_name, checksum, applied_at, execution_time_ms
            FROM {QualifiedName} WHERE number IS NULL ORDER BY migration_name
            """;

        Create = $"""
            CREATE TABLE IF NOT EXISTS {QualifiedName} (
                id serial PRIMARY KEY,
                migration_name varchar(255) NOT NULL UNIQUE,
                applied_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
                description text,
                execution_time_ms integer,
                number integer UNIQUE,
                checksum text NOT NULL,
                transactional boolean NOT NULL DEFAULT true,
                status text NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'running', 'failed')),
                error text,
                applied_by text NOT NULL DEFAULT current_user,
                baseline boolean NOT NULL DEFAULT false,
                applied_sql bytea,
                kind text NOT NULL DEFAULT 'versioned' CHECK (kind IN ('versioned', 'repeatable')),
                CHECK ((number IS NULL) = (kind = 'repeatable'))
            )
            """;

        Head = new LedgerHead(schema, table, QualifiedName);

        CreateSchema = AutoSchema.SchemaDdl.CreateSchema(schema);

        AddBaselineColumn = $"ALTER TABLE {QualifiedName} ADD COLUMN IF NOT EXISTS baseline boolean NOT NULL DEFAULT false";

        AddAppliedSqlColumn = $"ALTER TABLE {QualifiedName} ADD COLUMN IF NOT EXISTS applied_sql bytea";

        AddKindColumn =
        [
            $"ALTER TABLE {QualifiedName} ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'versioned' CHECK (kind IN ('versioned', 'repeatable'))",
            $"ALTER TABLE {QualifiedName} ALTER COLUMN number DROP NOT NULL",
        ];

        SelectRecorded = $"SELECT checksum, applied_sql, transactional FROM {QualifiedName} WHERE number = $1 AND migration_name = $2 AND status = 'applied'";
    }

    public string Schema { get; }

    public string Table { get; }

    /// <summary><c>"schema"."table"</c>, for SQL and for <c>to_regclass</c>.</summary>
    public string QualifiedName { get; }

    /// <summary>The numbered migrations' rows (a repeatable one's number is NULL), by number.</summary>
    public string SelectAll { get; }

    /// <summary>The repeatable migrations' rows, by name: name, checksum, applied_at, execution_time_ms.</summary>
    public string SelectRepeatables { get; }

    public string Create { get; }

    /// <summary>The one-row summary of the ledger that a no-op start-up reads.</summary>
    public LedgerHead Head { get; }

    public string CreateSchema { get; }

    /// <summary>Adds the column that marks rows recorded without running (baseline or imported history).</summary>
    public string AddBaselineColumn { get; }

    /// <summary>Adds the column that keeps a SQL migration's text (Brotli-compressed) as its row was recorded.</summary>
    public string AddAppliedSqlColumn { get; }

    /// <summary>Makes room for repeatable migrations' rows: the <c>kind</c> column, and a number that may be NULL.</summary>
    public IReadOnlyList<string> AddKindColumn { get; }

    /// <summary>One applied row's checksum, compressed SQL and transactional flag, by number ($1) and migration name ($2).</summary>
    public string SelectRecorded { get; }
}
