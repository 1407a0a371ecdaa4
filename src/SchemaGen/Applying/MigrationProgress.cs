using SchemaGen.Logging;

namespace SchemaGen.Applying;

/// <summary>Logs, every <see cref="MigrationRunnerOptions.ProgressInterval"/>, that a migration is still running, until disposed.</summary>
internal sealed class MigrationProgress : IDisposable
{
    private readonly Timer? _timer;

    public MigrationProgress(MigrationStep step)
    {
        if (step.Options.ProgressInterval is { } interval)
        {
            _timer = new Timer(
                static state =>
                {
                    var step = (MigrationStep)state!;
                    MigrationLog.StillRunning(step.Logger, step.Migration.Id, step.ElapsedMs / 1000);
                },
                step,
                interval,
                interval);
        }
    }

    public void Dispose() => _timer?.Dispose();
}
