namespace SchemaGen;

/// <summary>The database could not be reached within <see cref="MigrationRunnerOptions.ConnectAttempts"/> attempts.</summary>
public sealed class MigrationConnectionException(string message, Exception innerException)
    : MigrationException(message, innerException: innerException);
