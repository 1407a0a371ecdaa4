using System.Diagnostics;
using System.Diagnostics.Metrics;
using Npgsql;

namespace SchemaGen.Telemetry;

/// <summary>
/// SchemaGen's spans and metrics: a span per run and per migration (the migration's Npgsql spans nest under it), with the
/// database semantic conventions' attributes and the SQLSTATE of a failure. Costs nothing while no listener is attached.
/// </summary>
internal static class Instrumentation
{
    private static readonly string? Version = typeof(Instrumentation).Assembly.GetName().Version?.ToString();
    private static readonly ActivitySource Source = new(MigrationTelemetry.Name, Version);
    private static readonly Meter Meter = new(MigrationTelemetry.Name, Version);
    private static readonly Counter<long> Applied = Meter.CreateCounter<long>(MigrationTelemetry.AppliedCounter, "{migration}", "Migrations applied");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>(MigrationTelemetry.FailedCounter, "{migration}", "Migrations that failed");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(MigrationTelemetry.DurationHistogram, "s", "How long each applied migration took");

    public static Activity? StartRun(NpgsqlDataSource dataSource)
    {
        var activity = Source.StartActivity("schemagen.migrate");
        if (activity is not null)
        {
            var target = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            activity.SetTag("db.system.name", "postgresql");
            activity.SetTag("db.namespace", target.Database);
            activity.SetTag("server.address", target.Host);
            activity.SetTag("server.port", target.Port);
        }

        return activity;
    }

    public static void RunFinished(Activity? activity, MigrationRunReport report)
    {
        activity?.SetTag("schemagen.migrations.applied", report.Applied.Count);
        activity?.SetTag("schemagen.migrations.already_applied", report.AlreadyApplied);
    }

    public static Activity? StartMigration(MigrationDescriptor migration, string database)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity($"schemagen.migration {migration.Id}");
        if (activity is not null)
        {
            activity.SetTag("db.system.name", "postgresql");
            activity.SetTag("db.namespace", database);
            activity.SetTag("schemagen.migration.number", migration.Number);
            activity.SetTag("schemagen.migration.id", migration.Id);
            activity.SetTag("schemagen.migration.transactional", migration.Transactional);
        }

        return activity;
    }

    public static void MigrationApplied(Activity? activity, string? database, TimeSpan elapsed)
    {
        activity?.SetStatus(ActivityStatusCode.Ok);
        var tag = new KeyValuePair<string, object?>("db.namespace", database);
        Applied.Add(1, tag);
        Duration.Record(elapsed.TotalSeconds, tag);
    }

    /// <summary>
    /// Marks a span failed with the SQLSTATE (the semantic conventions' <c>db.response.status_code</c>) or the exception's
    /// type; a migration's failure is counted too.
    /// </summary>
    public static void Fail(Activity? activity, Exception error, string? database)
    {
        var sqlState = SqlStateOf(error);
        var errorType = sqlState ?? (error.InnerException ?? error).GetType().FullName;
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.SetTag("error.type", errorType);
            activity.SetTag("db.response.status_code", sqlState);
        }

        if (error is MigrationFailedException)
        {
            Failed.Add(1, new KeyValuePair<string, object?>("db.namespace", database), new KeyValuePair<string, object?>("error.type", errorType));
        }
    }

    private static string? SqlStateOf(Exception error)
        => error switch
        {
            MigrationFailedException failed => failed.SqlState,
            PostgresException postgres => postgres.SqlState,
            _ => (error.InnerException as PostgresException)?.SqlState,
        };
}
