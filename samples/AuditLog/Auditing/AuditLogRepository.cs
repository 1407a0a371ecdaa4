using Npgsql;

namespace AuditLog.Auditing;

/// <summary>Writes and reads <c>audit_logs</c> rows with parameterised SQL.</summary>
public sealed class AuditLogRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "username, user_id, event_type, message, ip_address, resource_type, resource_id, resource_name, severity, extra_data";

    public async Task<AuditEvent> AddAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO audit_logs ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, created_at");
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string> { TypedValue = auditEvent.Username });
        p.Add(new NpgsqlParameter { Value = (object?)auditEvent.UserId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        p.Add(new NpgsqlParameter<string> { TypedValue = auditEvent.EventType });
        p.Add(new NpgsqlParameter<string> { TypedValue = auditEvent.Message });
        AddText(p, auditEvent.IpAddress);
        AddText(p, auditEvent.ResourceType);
        AddText(p, auditEvent.ResourceId);
        AddText(p, auditEvent.ResourceName);
        p.Add(new NpgsqlParameter<string> { TypedValue = auditEvent.Severity });
        AddText(p, auditEvent.ExtraData);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return auditEvent with { Id = reader.GetInt32(0), CreatedAt = reader.GetFieldValue<DateTimeOffset>(1) };
    }

    public async Task<IReadOnlyList<AuditEvent>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT id, created_at, {Columns} FROM audit_logs ORDER BY created_at DESC, id DESC LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<AuditEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new AuditEvent(
                Username: reader.GetString(2),
                UserId: reader.IsDBNull(3) ? null : reader.GetInt32(3),
                EventType: reader.GetString(4),
                Message: reader.GetString(5),
                IpAddress: Text(reader, 6),
                ResourceType: Text(reader, 7),
                ResourceId: Text(reader, 8),
                ResourceName: Text(reader, 9),
                Severity: reader.GetString(10),
                ExtraData: Text(reader, 11))
            {
                Id = reader.GetInt32(0),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(1),
            });
        }

        return events;
    }

    private static void AddText(NpgsqlParameterCollection parameters, string? value)
        => parameters.Add(new NpgsqlParameter { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
