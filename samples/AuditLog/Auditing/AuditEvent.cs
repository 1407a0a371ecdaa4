namespace AuditLog.Auditing;

/// <summary>One row of <c>audit_logs</c>.</summary>
public sealed record AuditEvent(
    string Username,
    string EventType,
    string Message,
    int? UserId = null,
    string? IpAddress = null,
    string? ResourceType = null,
    string? ResourceId = null,
    string? ResourceName = null,
    string Severity = "info",
    string? ExtraData = null)
{
    public long Id { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
