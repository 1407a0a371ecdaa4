namespace SchemaGen;

/// <summary>
/// What <see cref="MigrationRunner.RepairChecksumAsync(int, bool, CancellationToken)"/> recorded: the migration, its checksum
/// before and after, and what the edit changed token by token (empty when only comments, whitespace or the case of keywords and
/// unquoted identifiers changed). <see cref="RecordedSqlKnown"/> is false when the ledger did not keep the SQL the row was
/// recorded with (a C# migration, or a row from before SchemaGen kept it), so the changes could not be shown.
/// </summary>
public sealed record ChecksumRepair(string MigrationId, string RecordedChecksum, string Checksum, IReadOnlyList<string> Changes, bool RecordedSqlKnown);
