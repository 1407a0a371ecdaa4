using System.Text.RegularExpressions;
using Npgsql;

namespace SchemaGen.Tests;

/// <summary>
/// The sample published with Native AOT: no trim or AOT warning from any assembly, and the native binary migrates
/// a real database and applies nothing the second time.
/// </summary>
public class AotPublishTests
{
    [Fact]
    public async Task The_sample_publishes_with_native_aot_without_warnings_and_the_binary_migrates()
    {
        var work = Path.Combine(Path.GetTempPath(), "schemagen-aot-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var output = Path.Combine(work, "out");
            // A fresh artifacts path: an up-to-date publish would skip the AOT compiler and hide its warnings.
            var publish = await ChildProcess.RunAsync("dotnet", [
                "publish", Path.Combine(Repository.Root(), "samples", "AuditLog"), "-c", "Release", "-r", "linux-x64",
                "-p:TrimmerSingleWarn=false", "--artifacts-path", Path.Combine(work, "artifacts"), "-o", output,
            ]);

            Assert.True(publish.ExitCode == 0, publish.Output);
            Assert.DoesNotMatch(new Regex(@"\bIL[23]\d{3}\b"), publish.Output);
            var binary = Path.Combine(output, "AuditLog");
            Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(binary)[..4]);
            Assert.False(File.Exists(Path.Combine(output, "AuditLog.dll")), "a Native AOT publish has no managed entry assembly");

            var server = await TestDatabase.PasswordProtectedServerAsync();
            var connectionString = await TestDatabase.CreateConnectionStringAsync(passwordProtected: true);
            var first = await ChildProcess.RunAsync(binary, "--connection", connectionString);
            var second = await ChildProcess.RunAsync(binary, "--connection", connectionString);

            Assert.True(first.ExitCode == 0, first.Output);
            Assert.True(second.ExitCode == 0, second.Output);
            Assert.Contains("Migration summary: 3 migration(s) applied, 2 table(s) created, 0 column(s) added, 4 index(es) created", first.Output);
            Assert.Contains("Database is up to date: 3 migration(s) applied, none pending", second.Output);
            Assert.DoesNotContain("▶", second.Output);
            Assert.DoesNotContain(server.Password!, first.Output + second.Output);

            await using var db = NpgsqlDataSource.Create(connectionString);
            await using var check = db.CreateCommand("""
                SELECT (SELECT string_agg(migration_name, ',' ORDER BY number) FROM schema_migrations WHERE status = 'applied'),
                       to_regclass('audit_logs') IS NOT NULL,
                       (SELECT count(*) FROM pg_indexes WHERE tablename = 'audit_logs' AND indexname LIKE 'idx_audit_logs_%')
                """);
            await using var reader = await check.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("001_users,002_audit_log,003_security_events", reader.GetString(0));
            Assert.True(reader.GetBoolean(1));
            Assert.Equal(4L, reader.GetInt64(2));

            // The native binary is its own migration bundle: SchemaGen's verbs run from it.
            var fresh = await TestDatabase.CreateConnectionStringAsync();
            var pending = await ChildProcess.RunAsync(binary, "verify", "--connection", fresh);
            var migrate = await ChildProcess.RunAsync(binary, "migrate", "--connection", fresh);
            var status = await ChildProcess.RunAsync(binary, "status", "--connection", fresh);
            var upToDate = await ChildProcess.RunAsync(binary, "verify", "--connection", fresh);
            Assert.True(pending.ExitCode == 1, pending.Output);
            Assert.Contains("3 migration(s) pending:", pending.Output);
            Assert.True(migrate.ExitCode == 0, migrate.Output);
            Assert.Contains("Applied 3 migration(s) in", migrate.Output);
            Assert.Matches(@"3\s+003_security_events\s+applied\s+\d{4}-", status.Output);
            Assert.Equal((0, "Up to date.\n"), (upToDate.ExitCode, upToDate.Output));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
