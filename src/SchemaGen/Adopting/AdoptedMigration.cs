namespace SchemaGen.Adopting;

/// <summary>A migration to record as applied without running it: from a baseline, or another tool's history.</summary>
internal sealed record AdoptedMigration(int Number, DateTimeOffset? AppliedAt, int? ExecutionTimeMs, string? Origin);
