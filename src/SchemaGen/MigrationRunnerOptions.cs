namespace SchemaGen;

/// <summary>How <see cref="MigrationRunner"/> records and applies migrations. The defaults suit most applications.</summary>
public sealed class MigrationRunnerOptions
{
    /// <summary>The schema of the ledger table (created if missing). Default <c>public</c>.</summary>
    public string Schema { get; set; } = "public";

    /// <summary>The ledger table's name. Default <c>schema_migrations</c>.</summary>
    public string TableName { get; set; } = "schema_migrations";

    /// <summary>How long to wait for another process that is migrating the same database. Default 5 minutes.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Adopts a database whose schema already holds migrations 1 to this number (made by hand, by another tool, or by a
    /// dump): when the ledger is empty, they are recorded as applied, marked <c>baseline</c>, without running; later
    /// migrations are applied as usual. Ignored once the ledger has rows, so it can stay set. Default null.
    /// </summary>
    public int? BaselineNumber { get; set; }

    /// <summary>
    /// Takes over another tool's history when the ledger is empty: each migration it applied is recorded (marked
    /// <c>baseline</c>) under the SchemaGen number it maps to, and the rest are applied. Each row is matched by the tool's own key
    /// (Flyway's <c>flyway_schema_history</c>: version N is migration N, whose name must match the description; sqlx's
    /// <c>_sqlx_migrations</c>: the migration whose name is the description), checksums are compared where the file gives them, and
    /// any difference refuses the whole import with every difference listed; see <see cref="ImportHistoryMapping"/> and
    /// <see cref="ImportAcceptedDifferences"/>. Default none.
    /// </summary>
    public MigrationHistorySource ImportHistoryFrom { get; set; }

    /// <summary>The other tool's history table, as PostgreSQL resolves a name (<c>flyway_schema_history</c>, <c>tools."history"</c>); null for the tool's default.</summary>
    public string? ImportHistoryTable { get; set; }

    /// <summary>
    /// How <see cref="ImportHistoryFrom"/> maps rows that its default rule does not: the other tool's version (sqlx's version, Flyway's
    /// version) to a SchemaGen migration number, or to 0 to leave the row out (a migration this build no longer has). Default none:
    /// sqlx rows map by name (the description in snake_case is the migration's name), Flyway's whole-number version N to migration N.
    /// </summary>
    public IReadOnlyDictionary<string, int>? ImportHistoryMapping { get; set; }

    /// <summary>
    /// Migration numbers whose differences from the imported history a person has checked and accepts: a name or a checksum that
    /// differs, or an order that differs. Nothing else can be accepted: a row that maps to no migration, a missing or failed row, or
    /// two rows for one migration always refuse the import, since it would record a migration that did not run. Default none.
    /// </summary>
    public IReadOnlyCollection<int> ImportAcceptedDifferences { get; set; } = [];

    /// <summary>
    /// The app's name when one of its verbs (SchemaGen.Hosting's, or a command line of your own with the same verbs) runs the
    /// runner, so that messages name the verb to run (<c>run 'MyApp baseline 3'</c>) beside the option. Default null: messages name options.
    /// </summary>
    public string? CommandName { get; set; }

    /// <summary>
    /// Start a ledger in a database that already has tables, applying migration 1 onward. Default false: such a run is
    /// refused with an explanation, since migrations applied onto an existing schema fail or half-succeed; use
    /// <see cref="BaselineNumber"/> or <see cref="ImportHistoryFrom"/> to adopt one.
    /// </summary>
    public bool AllowNonEmptyDatabase { get; set; }

    /// <summary>
    /// Where existing tables stop a new ledger (see <see cref="AllowNonEmptyDatabase"/>): anywhere in the database (default), or
    /// only in the ledger's own <see cref="Schema"/>, for a schema per tenant, where the other tenants' tables are expected.
    /// </summary>
    public bool OnlyLedgerSchemaMustBeEmpty { get; set; }

    /// <summary>
    /// Whether a run logs the original design's start-up banner: the <c>====</c> rule lines and "Starting database migration
    /// process" around its events. Default true, for a console's start-up log; the generic host (SchemaGen.Hosting's
    /// <c>AddSchemaGen</c>) turns it off, so a run is a few structured events (discovered, each migration, the summary).
    /// </summary>
    public bool StartupBanner { get; set; } = true;

    /// <summary>How runners take turns: one session lock (default), or a lock per migration transaction for transaction-mode poolers.</summary>
    public MigrationLockMode LockMode { get; set; } = MigrationLockMode.Session;

    /// <summary>
    /// In <see cref="MigrationLockMode.Transaction"/> mode, a <c>running</c> non-transactional migration whose row was not
    /// renewed for this long is taken as interrupted (its process died). It is renewed every third of it. Default 30 s.
    /// </summary>
    internal TimeSpan RunningRowTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Run even when an applied migration's code has changed since (its checksum differs); a warning is logged instead.
    /// Default false: an edited applied migration is an error, because the database does not have what the code says.
    /// </summary>
    public bool AllowChecksumMismatch { get; set; }

    /// <summary>
    /// Apply a pending migration numbered below the highest applied one (as can happen when branches merge).
    /// Default false: that is an error, since it would run out of the order the code declares.
    /// </summary>
    public bool AllowOutOfOrder { get; set; }

    /// <summary>How many times to try opening the first connection before giving up. Default 5.</summary>
    public int ConnectAttempts { get; set; } = 5;

    /// <summary>The wait before the second connection attempt; it doubles for each one after. Default 500 ms.</summary>
    public TimeSpan ConnectRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long one statement of a migration may run before it is cancelled and the migration fails.
    /// Default null: no limit, as psql, Flyway and diesel do, since building an index on a big table can take hours.
    /// The data source's own <c>Command Timeout</c> (30 s unless set) does not apply to migrations.
    /// </summary>
    public TimeSpan? CommandTimeout { get; set; }

    /// <summary>
    /// PostgreSQL's <c>lock_timeout</c> while a migration runs: how long one statement may wait for a lock that the
    /// application holds (say, ALTER TABLE behind a long SELECT). While it waits, every new query on that table queues
    /// behind it, so a short wait that fails and is retried keeps the application responsive. Default 5 s; null for no limit.
    /// </summary>
    public TimeSpan? TableLockTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many times a transactional migration that failed on <see cref="TableLockTimeout"/> (SQLSTATE 55P03) is tried again.
    /// Its transaction rolled back, so a retry starts clean. Non-transactional migrations are never retried. Default 3.
    /// </summary>
    public int TableLockRetries { get; set; } = 3;

    /// <summary>The wait before the first retry after a lock timeout; it doubles for each one after. Default 1 s.</summary>
    public TimeSpan TableLockRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a migration still running is logged ("still running after …"), so a long one shows it is alive. Default
    /// 30 s; null for never.
    /// </summary>
    public TimeSpan? ProgressInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// PostgreSQL cuts identifiers at 63 bytes without an error: two long names would then share a ledger table but not a lock.
    /// The ledger's head and its trigger function are named after the table with up to 10 bytes added.
    /// </summary>
    private static void EnsureIdentifierFits(string name, string option, int longest, string why)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(name);
        if (bytes > longest)
        {
            throw new ArgumentException($"'{name}' is {bytes} bytes long, but {why}; choose a shorter {option} (at most {longest} bytes).", option);
        }
    }

    /// <summary>Npgsql's <c>CommandTimeout</c> for migration statements, in whole seconds; 0 is none.</summary>
    internal int CommandTimeoutSeconds => CommandTimeout is { } timeout ? (int)Math.Ceiling(timeout.TotalSeconds) : 0;

    /// <summary>A copy of these options, to change without changing these.</summary>
    public MigrationRunnerOptions Copy() => (MigrationRunnerOptions)MemberwiseClone();

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Schema, nameof(Schema));
        ArgumentException.ThrowIfNullOrEmpty(TableName, nameof(TableName));
        EnsureIdentifierFits(Schema, nameof(Schema), 63, "PostgreSQL cuts identifiers at 63 bytes");
        EnsureIdentifierFits(TableName, nameof(TableName), Ledger.LedgerHead.LongestTableName, "SchemaGen names the ledger's head table and trigger function after it ('_head_sync' added), and PostgreSQL cuts identifiers at 63 bytes");
        if (Schema is "pg_catalog" or "information_schema" || Schema.StartsWith("pg_", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The ledger cannot live in the system schema '{Schema}'; use an application schema such as 'public'.", nameof(Schema));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ConnectAttempts, 1, nameof(ConnectAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(LockTimeout, TimeSpan.Zero, nameof(LockTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(ConnectRetryDelay, TimeSpan.Zero, nameof(ConnectRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(TableLockRetries, 0, nameof(TableLockRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(TableLockRetryDelay, TimeSpan.Zero, nameof(TableLockRetryDelay));
        if (ProgressInterval is { } progressInterval)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(progressInterval, TimeSpan.FromMilliseconds(1), nameof(ProgressInterval));
        }
        if (CommandTimeout is { } commandTimeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(commandTimeout, TimeSpan.FromSeconds(1), nameof(CommandTimeout));
        }

        if (TableLockTimeout is { } tableLockTimeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(tableLockTimeout, TimeSpan.FromMilliseconds(1), nameof(TableLockTimeout));
        }
    }
}
