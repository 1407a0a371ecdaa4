using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using SchemaGen;

namespace AuditLog.Models;

/// <summary>The users table as migration 1 creates it, so audit_logs can reference it and auto-schema can check it.</summary>
[Table("users")]
[Index(nameof(Username), IsUnique = true, Name = "users_username_key")]
public sealed class User
{
    [Key, Column(TypeName = "serial")]
    public int Id { get; set; }

    [StringLength(255)]
    public required string Username { get; set; }

    [DefaultValueSql("CURRENT_TIMESTAMP")]
    public DateTimeOffset? CreatedAt { get; set; }
}
