using System.Collections;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SchemaGen.Hosting;

/// <summary>
/// A health endpoint's body that says what is wrong, not a bare <c>Unhealthy</c>: the report as JSON, each check with its
/// status, description, data and error. SchemaGen's check says what is pending or wrong by migration id. In ASP.NET Core:
/// <code>
/// app.MapHealthChecks("/health/ready", new HealthCheckOptions
/// {
///     Predicate = check => check.Tags.Contains("ready"),
///     ResponseWriter = (http, report) =>
///     {
///         http.Response.ContentType = MigrationHealthResponse.ContentType;
///         return MigrationHealthResponse.WriteAsync(http.Response.Body, report, http.RequestAborted);
///     },
/// });
/// </code>
/// The shape is docs/json/health.v1.schema.json. It takes a stream, not an <c>HttpContext</c>, so that this package does not
/// bring ASP.NET Core into console apps.
/// </summary>
public static class MigrationHealthResponse
{
    /// <summary>The body's media type.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>Writes <paramref name="report"/> to <paramref name="body"/> as JSON.</summary>
    public static async Task WriteAsync(Stream body, HealthReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(report);
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("outputVersion", Output.VerbOutput.Version);
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", (long)report.TotalDuration.TotalMilliseconds);
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            json.WriteNumber("durationMs", (long)entry.Duration.TotalMilliseconds);
            json.WriteString("error", entry.Exception?.Message);
            json.WriteStartObject("data");
            foreach (var (key, value) in entry.Data)
            {
                json.WritePropertyName(key);
                WriteValue(json, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int or long or short or byte:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                json.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
