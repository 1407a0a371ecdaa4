namespace SchemaGen;

/// <summary>The database's ledger and this build disagree in a way that makes applying unsafe; nothing was applied.</summary>
public sealed class MigrationValidationException(string message, string? migrationId = null)
    : MigrationException(message, migrationId);
