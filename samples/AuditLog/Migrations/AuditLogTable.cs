using SchemaGen;

namespace AuditLog.Migrations;

/// <summary>Creates audit_logs and its indexes from the <see cref="Models.AuditLogEntry"/> model, as the original design's first migration does.</summary>
[Migration(2, "audit_log", Description = "Add audit_logs table for tracking user activities and system events")]
public sealed class AuditLogTable : Migration
{
    public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
    {
        context.LogInformation("Creating audit_logs table...");
        await context.AutoSchemaAsync(cancellationToken);
    }

    public override Task DownAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("/* schemagen-disable SG0316 */ DROP TABLE audit_logs", cancellationToken);
}
