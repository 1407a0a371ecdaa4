namespace SchemaGen;

/// <summary>The base of every error the runner raises on purpose. <see cref="MigrationId"/> names the migration, where one is concerned.</summary>
public class MigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MigrationException(string message, string? migrationId = null, Exception? innerException = null)
        : base(message, innerException)
        => MigrationId = migrationId;

    /// <summary>The id of the migration concerned (such as <c>002_audit_log</c>), or null.</summary>
    public string? MigrationId { get; }
}
