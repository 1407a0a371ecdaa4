namespace SchemaGen.Applying;

/// <summary>The runner refused a migration's SQL before running it; the message says why. Reported as the migration's failure.</summary>
internal sealed class UnsafeMigrationSqlException(string message) : Exception(message);
