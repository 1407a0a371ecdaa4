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
            FROM {QualifiedName} ORDER BY number
            """;

        Create = $"""
            CREATE TABLE IF NOT EXISTS {QualifiedName} (
                id serial PRIMARY KEY,
                migration_name varchar(255) NOT NULL UNIQUE,
                applied_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
                description text,
                execution_time_ms integer,
                number integer NOT NULL UNIQUE,
                checksum text NOT NULL,
                transactional boolean NOT NULL DEFAULT true,
                status text NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'running', 'failed')),
                error text,
                applied_by text NOT NULL DEFAULT current_user,
                baseline boolean NOT NULL DEFAULT false
            )
            """;

        Digest = LedgerDigest.Query(QualifiedName);

        CreateSchema = $"CREATE SCHEMA IF NOT EXISTS {SqlIdentifier.Quote(schema)}";

        Insert = $"""
            INSERT INTO {QualifiedName} (migration_name, number, checksum, description, execution_time_ms, transactional, status, error)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """;

        Complete = $"UPDATE {QualifiedName} SET status = 'applied', execution_time_ms = $2, applied_at = CURRENT_TIMESTAMP, error = NULL WHERE number = $1";

        Fail = $"UPDATE {QualifiedName} SET status = 'failed', execution_time_ms = $2, error = $3 WHERE number = $1";

        AddBaselineColumn = $"ALTER TABLE {QualifiedName} ADD COLUMN IF NOT EXISTS baseline boolean NOT NULL DEFAULT false";

        InsertBaseline = $"""
            INSERT INTO {QualifiedName} (migration_name, number, checksum, description, execution_time_ms, transactional, status, applied_at, baseline)
            VALUES ($1, $2, $3, $4, $5, $6, 'applied', coalesce($7, CURRENT_TIMESTAMP), true)
            """;

        Renew = $"UPDATE {QualifiedName} SET applied_at = clock_timestamp() WHERE number = $1 AND status = 'running'";
    }

    public string Schema { get; }

    public string Table { get; }

    /// <summary><c>"schema"."table"</c>, for SQL and for <c>to_regclass</c>.</summary>
    public string QualifiedName { get; }

    public string SelectAll { get; }

    public string Create { get; }

    /// <summary>One row: count, whether all are applied, and MD5 of the ledger (see <see cref="LedgerDigest"/>).</summary>
    public string Digest { get; }

    public string CreateSchema { get; }

    /// <summary>Parameters: name, number, checksum, description, execution_time_ms, transactional, status, error.</summary>
    public string Insert { get; }

    /// <summary>Parameters: number, execution_time_ms.</summary>
    public string Complete { get; }

    /// <summary>Parameters: number, execution_time_ms, error.</summary>
    public string Fail { get; }

    /// <summary>Adds the column that marks rows recorded without running (baseline or imported history).</summary>
    public string AddBaselineColumn { get; }

    /// <summary>A migration recorded as applied without running it. Parameters: name, number, checksum, description, execution_time_ms, transactional, applied_at.</summary>
    public string InsertBaseline { get; }

    /// <summary>Renews a running row's <c>applied_at</c>, which shows its runner is alive. Parameter: number.</summary>
    public string Renew { get; }
}
