namespace SchemaGen;

/// <summary>Another process held the migration lock for longer than <see cref="MigrationRunnerOptions.LockTimeout"/>.</summary>
public sealed class MigrationLockTimeoutException(string message) : MigrationException(message);
