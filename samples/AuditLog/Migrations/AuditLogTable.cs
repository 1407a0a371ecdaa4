using SchemaGen;

namespace AuditLog.Migrations;

[Migration(2, "audit_log", Description = "Add audit_logs table for tracking user activities and system events")]
public sealed class AuditLogTable : Migration
{
    private static readonly (string Name, string Columns)[] Indexes =
    [
        ("idx_audit_logs_event_type_created_at", "event_type, created_at"),
        ("idx_audit_logs_username_created_at", "username, created_at"),
        ("idx_audit_logs_resource", "resource_type, resource_id"),
        ("idx_audit_logs_severity", "severity"),
    ];

    public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
    {
        context.LogInformation("Creating audit_logs table...");
        await context.ExecuteAsync("""
            CREATE TABLE audit_logs (
                id SERIAL PRIMARY KEY,
                username VARCHAR(255) NOT NULL,
                user_id INTEGER REFERENCES users(id),
                event_type VARCHAR(100) NOT NULL,
                message TEXT NOT NULL,
                ip_address VARCHAR(45),
                resource_type VARCHAR(100),
                resource_id VARCHAR(255),
                resource_name VARCHAR(255),
                severity VARCHAR(20) DEFAULT 'info',
                extra_data TEXT,
                created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP
            )
            """, cancellationToken);
        context.Count(tablesCreated: 1);
        context.LogInformation("✓ Created table: audit_logs");

        foreach (var (name, columns) in Indexes)
        {
            context.LogInformation($"Creating index {name} on audit_logs");
            await context.ExecuteAsync($"CREATE INDEX {name} ON audit_logs ({columns})", cancellationToken);
            context.Count(indexesCreated: 1);
            context.LogInformation($"✓ Created index: {name}");
        }
    }
}
