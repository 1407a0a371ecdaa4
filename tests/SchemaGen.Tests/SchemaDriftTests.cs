using Npgsql;

namespace SchemaGen.Tests;

/// <summary>
/// verify --schema on the audit-log sample, run as a user runs it: an untouched database is clean, and each hand edit is
/// reported by name with exit code 3 (its migrations, C# constant SQL, auto-schema and a SQL file, read by the compiler).
/// </summary>
public class SchemaDriftTests
{
    [Fact]
    public async Task A_database_the_migrations_built_verifies_clean()
    {
        var connectionString = await MigratedSampleAsync();

        var (exitCode, output) = await RunSampleAsync("verify", "--schema", "--connection", connectionString);

        Assert.Equal((0, "Up to date.\nSchema: as the migrations build it (12 objects compared).\n"), (exitCode, output));
    }

    [Theory]
    [InlineData("DROP INDEX idx_audit_logs_severity", "missing index idx_audit_logs_severity on audit_logs (btree (severity))")]
    [InlineData("ALTER TABLE audit_logs ADD COLUMN note text", "extra column audit_logs.note (text)")]
    [InlineData(
        "ALTER TABLE audit_logs ALTER COLUMN severity SET DEFAULT 'warning'",
        "column audit_logs.severity: the migrations make default 'info'::character varying, the database has default 'warning'::character varying")]
    [InlineData("ALTER TABLE users ALTER COLUMN username TYPE text", "column users.username: the migrations make type character varying(255), the database has type text")]
    [InlineData("ALTER TABLE audit_logs ALTER COLUMN message DROP NOT NULL", "column audit_logs.message: the migrations make NOT NULL, the database has NULL allowed")]
    [InlineData("ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_user_id_fkey", "missing constraint audit_logs_user_id_fkey on audit_logs (FOREIGN KEY (user_id) REFERENCES users (id))")]
    [InlineData("CREATE TABLE hand_made (id int)", "extra table hand_made")]
    [InlineData("DROP VIEW security_events", "missing view security_events")]
    [InlineData("CREATE INDEX by_hand ON users (created_at)", "extra index by_hand on users (btree (created_at))")]
    public async Task Each_hand_edit_is_reported_by_name_with_exit_code_3(string edit, string reported)
    {
        var connectionString = await MigratedSampleAsync();
        await using (var db = NpgsqlDataSource.Create(connectionString))
        {
            await db.ExecuteAsync(edit);
        }

        var (exitCode, output) = await RunSampleAsync("verify", "--schema", "--connection", connectionString);

        Assert.Equal(3, exitCode);
        Assert.Equal(
            $"Up to date.\nSchema drifted: 1 difference(s) from what the migrations build (12 objects compared):\n  {reported}\n",
            output);
    }

    [Fact]
    public async Task The_json_document_names_each_difference_and_the_database_is_left_as_it_was()
    {
        var connectionString = await MigratedSampleAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await db.ExecuteAsync("ALTER TABLE audit_logs ALTER COLUMN resource_name TYPE text; DROP INDEX idx_audit_logs_resource");

        var (exitCode, output) = await RunSampleAsync("verify", "--schema", "-o", "json", "--connection", connectionString);

        Assert.Equal(3, exitCode);
        var document = JsonShapes.Validate("verify", output);
        Assert.Equal("schema_drifted", document.GetProperty("state").GetString());
        var differences = document.GetProperty("schema").GetProperty("differences").EnumerateArray()
            .Select(d => $"{d.GetProperty("kind").GetString()} {d.GetProperty("object").GetString()}").ToList();
        Assert.Equal(["differs column audit_logs.resource_name", "missing index idx_audit_logs_resource on audit_logs"], differences);
        Assert.Equal("text", await db.ScalarAsync<string>("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'audit_logs'::regclass AND attname = 'resource_name'"));
    }

    [Fact]
    public async Task A_pending_migration_keeps_its_own_exit_code()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();

        var (exitCode, output) = await RunSampleAsync("verify", "--schema", "--connection", connectionString);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("3 migration(s) pending:", output);
        Assert.Contains("Schema drifted: ", output);
    }

    private static async Task<string> MigratedSampleAsync()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        var (exitCode, output) = await RunSampleAsync("migrate", "--connection", connectionString);
        Assert.True(exitCode == 0, output);
        return connectionString;
    }

    private static Task<(int ExitCode, string Output)> RunSampleAsync(params string[] arguments)
        => ChildProcess.RunAsync("dotnet", [Repository.BuildOutput("samples/AuditLog", "AuditLog.dll"), .. arguments]);
}
