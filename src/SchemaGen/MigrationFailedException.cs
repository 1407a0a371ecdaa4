using Npgsql;

namespace SchemaGen;

/// <summary>A migration threw while being applied. Carries PostgreSQL's SqlState, message and position when the server raised it.</summary>
public sealed class MigrationFailedException : MigrationException
{
    /// <summary>Creates the exception.</summary>
    public MigrationFailedException(string message, string migrationId, Exception innerException)
        : base(message, migrationId, innerException)
    {
        if (innerException is PostgresException postgres)
        {
            SqlState = postgres.SqlState;
            ServerMessage = postgres.MessageText;
            Position = postgres.Position;
        }
    }

    /// <summary>PostgreSQL's SQLSTATE code (for example <c>42P01</c>), when the server raised the error.</summary>
    public string? SqlState { get; }

    /// <summary>PostgreSQL's message text, when the server raised the error.</summary>
    public string? ServerMessage { get; }

    /// <summary>The 1-based character position in the statement that PostgreSQL points at, or 0.</summary>
    public int Position { get; }
}
