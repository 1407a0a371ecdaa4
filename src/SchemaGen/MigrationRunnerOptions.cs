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

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Schema, nameof(Schema));
        ArgumentException.ThrowIfNullOrEmpty(TableName, nameof(TableName));
        ArgumentOutOfRangeException.ThrowIfLessThan(ConnectAttempts, 1, nameof(ConnectAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(LockTimeout, TimeSpan.Zero, nameof(LockTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(ConnectRetryDelay, TimeSpan.Zero, nameof(ConnectRetryDelay));
    }
}
