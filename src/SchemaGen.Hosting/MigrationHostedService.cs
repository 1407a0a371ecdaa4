using Microsoft.Extensions.Hosting;

namespace SchemaGen.Hosting;

/// <summary>Migrates (or waits, or skips) before the host's other services start, so the app never serves on an old schema.</summary>
internal sealed class MigrationHostedService(MigrationGate gate) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => gate.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
