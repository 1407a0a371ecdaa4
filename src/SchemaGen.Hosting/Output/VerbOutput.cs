using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SchemaGen.Hosting.Output;

/// <summary>What a verb prints with <c>--output json</c>: SchemaGen's results in the documented shapes, one JSON document on standard output.</summary>
internal static class VerbOutput
{
    /// <summary>The shapes' version, the <c>outputVersion</c> of every document.</summary>
    public const int Version = 1;

    public static void Write<T>(TextWriter output, T value, JsonTypeInfo<T> type)
        => output.WriteLine(JsonSerializer.Serialize(value, type));

    public static StatusOutput Status(IReadOnlyList<MigrationStatus> statuses) => new([.. statuses.Select(Migration)]);

    public static VerifyOutput Verify(MigrationVerification verification, SchemaVerification? schema = null, int? exitCode = null)
        => new(
            verification.State == DatabaseState.UpToDate && schema is { IsClean: false } ? "schema_drifted" : StateName(verification.State),
            exitCode ?? verification.ExitCode,
            [.. verification.Problems.Select(Migration)])
        {
            Schema = schema is null ? null : new SchemaJson(
                schema.IsClean,
                schema.ObjectsCompared,
                schema.UnknownObjects,
                [.. schema.Differences.Select(d => new SchemaDriftJson(d.Kind.ToString().ToLowerInvariant(), d.Object, d.Expected, d.Actual))]),
        };

    public static MigrateOutput Migrate(MigrationRunReport report)
        => new(
            [.. report.Applied.Select(applied => new AppliedJson(
                applied.Migration.Number,
                applied.Migration.Id,
                (long)applied.Elapsed.TotalMilliseconds,
                applied.Stats.IsKnown ? new CountsJson(applied.Stats.TablesCreated, applied.Stats.ColumnsAdded, applied.Stats.IndexesCreated) : null))],
            report.AlreadyApplied,
            report.LedgerCreated,
            (long)report.Elapsed.TotalMilliseconds);

    public static ScriptOutput Script(MigrationScript script)
        => new(
            script.IsComplete,
            script.CreatesLedger,
            [.. script.Migrations.Select(Scripted)],
            script.StoppedAt is { } stopped ? Scripted(stopped) : null,
            script.NotScripted,
            script.Sql);

    public static ErrorOutput Error(string verb, string message, string? migration) => new(verb, new ErrorJson(message, migration));

    /// <summary>A migration's state as the shapes spell it.</summary>
    public static string StateName(MigrationState state) => state switch
    {
        MigrationState.Pending => "pending",
        MigrationState.Applied => "applied",
        MigrationState.AppliedWithDifferentChecksum => "edited",
        MigrationState.Failed => "failed",
        MigrationState.Running => "running",
        _ => "unknown",
    };

    private static string StateName(DatabaseState state) => state switch
    {
        DatabaseState.UpToDate => "up_to_date",
        DatabaseState.Pending => "pending",
        _ => "drifted",
    };

    private static MigrationJson Migration(MigrationStatus status)
        => new(status.Number, status.Id, StateName(status.State), status.Description, status.AppliedAt?.ToUniversalTime(), status.ExecutionTimeMs);

    private static ScriptedJson Scripted(MigrationDescriptor migration) => new(migration.Number, migration.Id, migration.Transactional);
}
