using Microsoft.Extensions.Logging;

namespace SchemaGen.Hosting;

/// <summary>The app's runner and what start-up does with it; shared by the hosted service and the readiness check.</summary>
internal sealed class MigrationGate(MigrationRunner runner, MigrationRunner probe, SchemaGenHostOptions options, ILogger logger)
{
    public MigrationRunner Runner => runner;

    /// <summary>A runner that tries to connect once, so a readiness probe answers within its own timeout.</summary>
    public MigrationRunner Probe => probe;

    public bool ChecksSchema => options.CheckSchemaInReadiness;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        switch (options.Mode)
        {
            case MigrationStartupMode.Apply:
                await runner.RunAsync(cancellationToken).ConfigureAwait(false);
                break;
            case MigrationStartupMode.WaitUntilApplied:
                await WaitUntilAppliedAsync(cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task WaitUntilAppliedAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.WaitTimeout;
        while (true)
        {
            var verification = await runner.VerifyAsync(cancellationToken).ConfigureAwait(false);
            switch (verification.State)
            {
                case DatabaseState.UpToDate:
                    return;
                case DatabaseState.Drifted:
                    throw new MigrationException(
                        $"Waiting for migrations to be applied, found {Describe(verification)} instead: a human has to look (the status verb lists every migration). " +
                        "This app will not start on this database.");
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new MigrationException(
                    $"Waited {options.WaitTimeout} for migrations to be applied, and {Describe(verification)} still: is the process that applies them " +
                    "(the migrate verb, a deploy step) running? Raise SchemaGenHostOptions.WaitTimeout if it needs longer.");
            }

            HostingLog.WaitingForMigrations(logger, verification.Problems.Count, verification.Problems[0].Id);
            await Task.Delay(options.WaitPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public static string Describe(MigrationVerification verification)
        => verification.State switch
        {
            DatabaseState.UpToDate => "up to date",
            DatabaseState.Pending => $"{verification.Problems.Count} pending ({string.Join(", ", verification.Problems.Take(5).Select(p => p.Id))}{(verification.Problems.Count > 5 ? ", …" : "")})",
            _ => $"drifted ({string.Join(", ", verification.Problems.Select(p => $"{p.Id}: {StatusTable.StateName(p.State)}"))})",
        };
}
