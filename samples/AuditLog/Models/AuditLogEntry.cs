using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using SchemaGen;

namespace AuditLog.Models;

/// <summary>The designed audit_logs table: who did what to which resource, how severe, and when.</summary>
[Table("audit_logs")]
[Index(nameof(EventType), nameof(CreatedAt), Name = "idx_audit_logs_event_type_created_at")]
[Index(nameof(Username), nameof(CreatedAt), Name = "idx_audit_logs_username_created_at")]
[Index(nameof(ResourceType), nameof(ResourceId), Name = "idx_audit_logs_resource")]
[Index(nameof(Severity), Name = "idx_audit_logs_severity")]
public sealed class AuditLogEntry
{
    [Key, Column(TypeName = "serial")]
    public int Id { get; set; }

    [StringLength(255)]
    public required string Username { get; set; }

    [ForeignKey(nameof(User))]
    public int? UserId { get; set; }

    public User? User { get; set; }

    [StringLength(100)]
    public required string EventType { get; set; }

    public required string Message { get; set; }

    [StringLength(45)]
    public string? IpAddress { get; set; }

    [StringLength(100)]
    public string? ResourceType { get; set; }

    [StringLength(255)]
    public string? ResourceId { get; set; }

    [StringLength(255)]
    public string? ResourceName { get; set; }

    [StringLength(20), DefaultValueSql("'info'")]
    public string? Severity { get; set; }

    public string? ExtraData { get; set; }

    [DefaultValueSql("CURRENT_TIMESTAMP")]
    public DateTimeOffset? CreatedAt { get; set; }
}
