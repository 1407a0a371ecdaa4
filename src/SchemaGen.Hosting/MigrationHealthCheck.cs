using Microsoft.Extensions.Diagnostics.HealthChecks;
using SchemaGen.Hosting.Output;

namespace SchemaGen.Hosting;

/// <summary>
/// Readiness: healthy when every migration is applied as recorded; unhealthy while any is pending, failed or edited, or the
/// database cannot be reached. Its description and data say which migrations, for <see cref="MigrationHealthResponse"/>.
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

            return verification.State == DatabaseState.UpToDate
                ? HealthCheckResult.Healthy("Migrations: up to date", data)
                : new HealthCheckResult(context.Registration.FailureStatus, $"Migrations: {MigrationGate.Describe(verification)}", data: data);
        }
        catch (MigrationException e)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus, $"Migrations: cannot tell: {e.Message}", e, new Dictionary<string, object> { ["state"] = "unknown" });
        }
    }
}
