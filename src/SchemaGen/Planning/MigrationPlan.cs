using SchemaGen.Ledger;

namespace SchemaGen.Planning;

/// <summary>
/// What a run will do: the pending migrations in order, and what it noticed but may go on past, including how many rows verified
/// with checksum version 1 (written by an earlier release).
/// </summary>
internal sealed record MigrationPlan(
    IReadOnlyList<MigrationDescriptor> Pending,
    int AlreadyApplied,
    IReadOnlyList<LedgerRow> Unknown,
    IReadOnlyList<(MigrationDescriptor Migration, LedgerRow Row)> AllowedChecksumMismatches,
    int RecordedWithVersion1);
