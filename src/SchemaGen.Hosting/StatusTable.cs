using System.Globalization;

namespace SchemaGen.Hosting;

/// <summary>Migration states as a plain-text table: number, id, state, applied at, time.</summary>
internal static class StatusTable
{
    private static readonly string[] Headers = ["number", "migration", "state", "applied_at", "time"];

    public static void Write(TextWriter output, IReadOnlyList<MigrationStatus> statuses)
    {
        var rows = statuses.Select(Cells).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, column) => column == 0 ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column]))).TrimEnd());
        }
    }

    public static string StateName(MigrationState state) => state switch
    {
        MigrationState.Pending => "pending",
        MigrationState.Applied => "applied",
        MigrationState.AppliedWithDifferentChecksum => "applied, edited since (checksum differs)",
        MigrationState.Failed => "failed",
        MigrationState.Running => "running",
        _ => "unknown to this build",
    };

    private static string[] Cells(MigrationStatus status) =>
    [
        status.Number == 0 ? "" : status.Number.ToString(CultureInfo.InvariantCulture),
        status.Id,
        StateName(status.State),
        status.AppliedAt?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "",
        status.ExecutionTimeMs is { } ms ? $"{ms.ToString(CultureInfo.InvariantCulture)} ms" : "",
    ];
}
