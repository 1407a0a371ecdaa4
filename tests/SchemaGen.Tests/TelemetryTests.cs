using System.Diagnostics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SchemaGen.Telemetry;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>SchemaGen's spans and metrics, collected with OpenTelemetry's in-memory exporter from a real run.</summary>
public class TelemetryTests
{
    [Fact]
    public async Task A_run_has_a_span_per_migration_with_Npgsqls_spans_inside_and_a_failure_carries_its_SQLSTATE()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var db = NpgsqlDataSource.Create(connectionString);
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(MigrationTelemetry.Name, "Npgsql").AddInMemoryExporter(spans).Build())
        using (var meters = Sdk.CreateMeterProviderBuilder().AddMeter(MigrationTelemetry.Name).AddInMemoryExporter(metrics).Build())
        {
            await new MigrationRunner(db, Tables(2)).RunAsync();
            await Assert.ThrowsAsync<MigrationFailedException>(() =>
                new MigrationRunner(db, [.. Tables(2), Sql(3, "broken", "SELECT * FROM missing")]).RunAsync());
        }

        var ours = spans.Where(span => (string?)span.GetTagItem("db.namespace") == database).ToList();
        var runs = ours.Where(span => span.OperationName == "schemagen.migrate").ToList();
        var first = ours.Single(span => span.OperationName == "schemagen.migration 001_table_1");
        var broken = ours.Single(span => span.OperationName == "schemagen.migration 003_broken");
        Assert.Equal(2, runs.Count);
        Assert.Equal(runs[0].SpanId, first.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Ok, first.Status);
        Assert.Equal((1, "postgresql"), ((int)first.GetTagItem("schemagen.migration.number")!, (string)first.GetTagItem("db.system.name")!));
        Assert.Contains(spans, span => span.Source.Name == "Npgsql" && span.ParentSpanId == first.SpanId);
        Assert.Equal(ActivityStatusCode.Error, broken.Status);
        Assert.Equal("42P01", broken.GetTagItem("db.response.status_code"));
        Assert.Equal("42P01", broken.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, runs[1].Status);

        Assert.Equal(2, Sum(metrics, MigrationTelemetry.AppliedCounter, database));
        Assert.Equal(1, Sum(metrics, MigrationTelemetry.FailedCounter, database));
        Assert.Equal(2, Sum(metrics, MigrationTelemetry.DurationHistogram, database));
    }

    /// <summary>A counter's sum, or a histogram's count, over the points tagged with <paramref name="database"/> (one export: the provider's last, as it closed).</summary>
    private static long Sum(List<MetricSnapshot> metrics, string name, string database)
    {
        long total = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                var tagged = false;
                foreach (var tag in point.Tags)
                {
                    tagged |= tag.Key == "db.namespace" && (string?)tag.Value == database;
                }

                if (tagged)
                {
                    total += metric.MetricType == MetricType.Histogram ? point.GetHistogramCount() : point.GetSumLong();
                }
            }
        }

        return total;
    }
}
