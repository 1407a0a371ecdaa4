using Microsoft.Extensions.Diagnostics.HealthChecks;
using SchemaGen.Hosting.Output;

namespace SchemaGen.Hosting;

/// <summary>
/// Readiness: healthy when every migration is applied as recorded; unhealthy while any is pending, failed or edited, or the
/// database cannot be reached. Its description and data say which migrations, for <see cref="MigrationHealthResponse"/>.
/// With <see cref="SchemaGenHostOptions.CheckSchemaInReadiness"/>, an up-to-date database whose schema drifted is degraded.
/// </summary>
internal sealed class MigrationHealthCheck(MigrationGate gate) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var verification = await gate.Probe.VerifyAsync(cancellationToken).ConfigureAwait(false);
            var data = new Dictionary<string, object> { ["state"] = VerbOutput.Verify(verification).State };
            foreach (var group in verification.Problems.GroupBy(problem => VerbOutput.StateName(problem.State)))
            {
                data[group.Key] = group.Select(problem => problem.Id).ToArray();
            }

            if (verification.State != DatabaseState.UpToDate)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"Migrations: {MigrationGate.Describe(verification)}", data: data);
            }

            if (gate.ChecksSchema && await gate.Probe.VerifySchemaAsync(cancellationToken).ConfigureAwait(false) is { IsClean: false } schema)
            {
                data["state"] = "schema_drifted";
                data["schema"] = schema.Differences.Select(drift => drift.ToString()).ToArray();
                return HealthCheckResult.Degraded($"Migrations: up to date, but the schema drifted from what they build ({schema.Differences.Count} difference(s))", data: data);
            }

            return HealthCheckResult.Healthy("Migrations: up to date", data);
        }
        catch (Exception e) when (e is MigrationException or InvalidOperationException)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus, $"Migrations: cannot tell: {e.Message}", e, new Dictionary<string, object> { ["state"] = "unknown" });
        }
    }
}
