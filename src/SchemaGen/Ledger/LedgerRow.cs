namespace SchemaGen.Ledger;

/// <summary>One row of the <c>schema_migrations</c> ledger, with how long ago (server clock) its <c>applied_at</c> was set.</summary>
internal sealed record LedgerRow(
    int Number,
    string MigrationName,
    string Checksum,
    LedgerStatus Status,
    DateTimeOffset AppliedAt,
    int? ExecutionTimeMs,
    string? Error,
    TimeSpan SinceAppliedAt = default);

/// <summary>Where a recorded migration stands. Only non-transactional migrations are ever recorded as anything but applied.</summary>
internal enum LedgerStatus
{
    Applied,
    Running,
    Failed,
}
