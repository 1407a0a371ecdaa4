namespace SchemaGen.Telemetry;

/// <summary>
/// The names SchemaGen's traces and metrics go by, for an OpenTelemetry set-up:
/// <c>.AddSource(MigrationTelemetry.Name)</c> and <c>.AddMeter(MigrationTelemetry.Name)</c>.
/// </summary>
public static class MigrationTelemetry
{
    /// <summary>The name of SchemaGen's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "SchemaGen";

    /// <summary>Counter of migrations applied, tagged with <c>db.namespace</c>.</summary>
    public const string AppliedCounter = "schemagen.migrations.applied";

    /// <summary>Counter of migrations that failed, tagged with <c>db.namespace</c> and <c>error.type</c> (the SQLSTATE, or the exception type).</summary>
    public const string FailedCounter = "schemagen.migrations.failed";

    /// <summary>Histogram of how long each applied migration took, in seconds, tagged with <c>db.namespace</c>.</summary>
    public const string DurationHistogram = "schemagen.migration.duration";
}
