namespace SchemaGen.Adopting;

/// <summary>
/// One row of another tool's history, in that tool's own order. <see cref="Version"/> is its key (null for a Flyway repeatable
/// migration); <see cref="Checksum"/> is as the tool stores it, in text (sqlx: hex of the bytea, Flyway: the signed integer).
/// </summary>
internal sealed record ForeignRow(
    string? Version,
    string Description,
    string Type,
    string? Checksum,
    bool Success,
    DateTimeOffset? InstalledOn,
    int? ExecutionTimeMs)
{
    /// <summary>The row as the plan shows it: the key, or the description for a row without one.</summary>
    public string Key => Version ?? Description;
}
