using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SchemaGen.Hosting;

/// <summary>Readiness: healthy when every migration is applied as recorded; unhealthy while any is pending, failed or edited, or the database cannot be reached.</summary>
internal sealed class MigrationHealthCheck(MigrationGate gate) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var verification = await gate.Probe.VerifyAsync(cancellationToken).ConfigureAwait(false);
            var data = new Dictionary<string, object> { ["state"] = verification.State.ToString(), ["problems"] = verification.Problems.Select(p => p.Id).ToArray() };
            return verification.State == DatabaseState.UpToDate
                ? HealthCheckResult.Healthy("Migrations: up to date", data)
                : new HealthCheckResult(context.Registration.FailureStatus, $"Migrations: {MigrationGate.Describe(verification)}", data: data);
        }
        catch (MigrationException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, e.Message, e);
        }
    }
}
