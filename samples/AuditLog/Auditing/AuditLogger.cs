using Npgsql;

namespace AuditLog.Auditing;

/// <summary>The application's way to record who did what: finds the user's id and writes the event.</summary>
public sealed class AuditLogger(NpgsqlDataSource dataSource, AuditLogRepository repository)
{
    public async Task<AuditEvent> LogAsync(
        string username,
        string eventType,
        string message,
        string severity = "info",
        string? ipAddress = null,
        (string Type, string Id, string Name)? resource = null,
        CancellationToken cancellationToken = default)
    {
        await using var lookup = dataSource.CreateCommand("SELECT id FROM users WHERE username = $1");
        lookup.Parameters.Add(new NpgsqlParameter<string> { TypedValue = username });
        var userId = await lookup.ExecuteScalarAsync(cancellationToken) as int?;

        return await repository.AddAsync(
            new AuditEvent(username, eventType, message, userId, ipAddress, resource?.Type, resource?.Id, resource?.Name, severity),
            cancellationToken);
    }
}
