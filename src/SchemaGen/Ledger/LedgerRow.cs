namespace SchemaGen.Ledger;

/// <summary>One row of the <c>schema_migrations</c> ledger.</summary>
internal sealed record LedgerRow(
    int Number,
    string MigrationName,
    string Checksum,
    LedgerStatus Status,
    DateTimeOffset AppliedAt,
    int? ExecutionTimeMs,
    string? Error);

/// <summary>Where a recorded migration stands. Only non-transactional migrations are ever recorded as anything but applied.</summary>
internal enum LedgerStatus
{
    Applied,
    Running,
    Failed,
}
