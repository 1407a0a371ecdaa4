using SchemaGen;

namespace AuditLog.Migrations;

[Migration(1, "users", Description = "Add a minimal users table for audit_logs to reference")]
public sealed class Users : Migration
{
    public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
    {
        context.LogInformation("Creating users table...");
        await context.ExecuteAsync("""
            CREATE TABLE users (
                id SERIAL PRIMARY KEY,
                username VARCHAR(255) NOT NULL UNIQUE,
                created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP
            )
            """, cancellationToken);
        context.Count(tablesCreated: 1);
        context.LogInformation("✓ Created table: users");
    }

    // Not part of the checksum: adding a down to a released migration does not make it count as edited.
    public override Task DownAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("/* schemagen-disable SG0316 */ DROP TABLE users", cancellationToken);
}
