using Npgsql;

namespace SchemaGen.Tests;

/// <summary>The audit-log sample, run as a user runs it, against a fresh database; the schema must be the designed one.</summary>
public class SampleTests
{
    [Fact]
    public async Task The_sample_creates_the_designed_audit_log_and_a_second_run_applies_nothing()
    {
        var server = await TestDatabase.PasswordProtectedServerAsync();
        var connectionString = await TestDatabase.CreateConnectionStringAsync(passwordProtected: true);

        var first = await RunSampleAsync("--connection", connectionString);
        var second = await RunSampleAsync("--connection", connectionString);

        Assert.Contains("Migration summary: 3 migration(s) applied, 2 table(s) created, 0 column(s) added, 4 index(es) created", first);
        Assert.Contains("[002_audit_log] Creating missing table: audit_logs", first);
        Assert.Contains("[002_audit_log] ✓ Created index: idx_audit_logs_severity", first);
        Assert.Contains("▶ 003_security_events: Add a view of the security-relevant audit events", first);
        Assert.DoesNotContain("differs from the model", first);
        Assert.Contains("Audit event #1 at ", first);
        Assert.Contains("admin (user 1) user_login \"Administrator signed in\" severity=info", first);
        Assert.DoesNotContain("▶", second);
        Assert.Contains("Database is up to date: 3 migration(s) applied, none pending", second);
        Assert.Contains("Audit event #2 at ", second);
        Assert.Contains($"  {"001_users",-19} Applied  applied ", second);
        Assert.Contains($"  {"003_security_events",-19} Applied  applied ", second);
        Assert.DoesNotContain(server.Password!, first + second);
        Assert.Equal("Up to date.\n", await RunSampleAsync("verify", "--connection", connectionString));

        await using var db = NpgsqlDataSource.Create(connectionString);
        Assert.Equal(
            [
                "id|integer||NO|nextval('audit_logs_id_seq'::regclass)",
                "username|character varying|255|NO|",
                "user_id|integer||YES|",
                "event_type|character varying|100|NO|",
                "message|text||NO|",
                "ip_address|character varying|45|YES|",
                "resource_type|character varying|100|YES|",
                "resource_id|character varying|255|YES|",
                "resource_name|character varying|255|YES|",
                "severity|character varying|20|YES|'info'::character varying",
                "extra_data|text||YES|",
                "created_at|timestamp with time zone||YES|CURRENT_TIMESTAMP",
            ],
            await ColumnsAsync(db));
        Assert.Equal(
            [
                "CREATE INDEX idx_audit_logs_event_type_created_at ON public.audit_logs USING btree (event_type, created_at)",
                "CREATE INDEX idx_audit_logs_resource ON public.audit_logs USING btree (resource_type, resource_id)",
                "CREATE INDEX idx_audit_logs_severity ON public.audit_logs USING btree (severity)",
                "CREATE INDEX idx_audit_logs_username_created_at ON public.audit_logs USING btree (username, created_at)",
            ],
            await db.ListAsync("SELECT indexdef FROM pg_indexes WHERE tablename = 'audit_logs' AND indexname LIKE 'idx_%' ORDER BY indexname"));
        Assert.Equal(
            ["PRIMARY KEY (id)", "FOREIGN KEY (user_id) REFERENCES users(id)"],
            await db.ListAsync("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'audit_logs'::regclass ORDER BY contype DESC"));
        Assert.Equal(
            ["001_users", "002_audit_log", "003_security_events"],
            await db.ListAsync("SELECT migration_name FROM schema_migrations ORDER BY number"));
        Assert.Equal(
            ["Audit events of severity warning and above"],
            await db.ListAsync("SELECT obj_description('security_events'::regclass, 'pg_class')"));
    }

    [Fact]
    public async Task A_database_the_release_before_checksum_versions_migrated_verifies_clean_and_its_checksums_upgrade_in_place()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await db.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(Repository.Root(), "tests", "SchemaGen.Tests", "Fixtures", "audit-log-database-dbf37ca.sql")));

        var verify = await RunSampleAsync("verify", "--connection", connectionString);
        var migrate = await RunSampleAsync("migrate", "--connection", connectionString);
        var upgrade = await RunSampleAsync("repair", "checksums", "--connection", connectionString);
        var verifyAfter = await RunSampleAsync("verify", "--connection", connectionString);
        var migrateAfter = await RunSampleAsync("migrate", "--connection", connectionString);

        Assert.Equal("Up to date.\n", verify);
        Assert.Contains("1 applied SQL migration(s) verified with checksum version 1, as an earlier release recorded them; recording version 2 for them " +
                        "(run 'AuditLog repair checksums' (in code: call MigrationRunner.UpgradeChecksumsAsync))", migrate);
        Assert.Contains("Up to date: 3 migration(s) applied before, none pending.", migrate);
        Assert.Contains("Recorded checksum version 2 for 1 migration(s).", upgrade);
        Assert.Equal("Up to date.\n", verifyAfter);
        Assert.DoesNotContain("checksum version 1", migrateAfter);
        Assert.Equal(
            ["001_users sha256:", "002_audit_log sha256:", "003_security_events v2:sha256: kept"],
            await db.ListAsync("SELECT migration_name || ' ' || substring(checksum FROM '^[a-z0-9:]*sha256:') || CASE WHEN applied_sql IS NULL THEN '' ELSE ' kept' END FROM schema_migrations ORDER BY number"));
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlDataSource db)
        => await db.ListAsync("""
            SELECT concat_ws('|', column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable, coalesce(column_default, ''))
            FROM information_schema.columns WHERE table_name = 'audit_logs' ORDER BY ordinal_position
            """);

    private static async Task<string> RunSampleAsync(params string[] arguments)
    {
        var (exitCode, output) = await ChildProcess.RunAsync("dotnet", [SamplePath(), .. arguments]);
        Assert.True(exitCode == 0, $"The sample exited with {exitCode}:\n{output}");
        return output;
    }

    private static string SamplePath() => Repository.BuildOutput("samples/AuditLog", "AuditLog.dll");
}
