namespace SchemaGen.Ledger;

/// <summary>A repeatable migration's row in the ledger: its id (<c>R_name</c>), the checksum it was last applied with, when, and how long it took.</summary>
internal sealed record RecordedRepeatable(string MigrationName, string Checksum, DateTimeOffset AppliedAt, int? ExecutionTimeMs);
