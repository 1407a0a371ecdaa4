using System.Globalization;
using Npgsql;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Tests;

/// <summary>PostgreSQL's own client tools (psql, pg_dump) from the server's installation, run against a test database.</summary>
internal static class PostgresTools
{
    /// <summary>Runs <paramref name="tool"/> on the database of <paramref name="connectionString"/>, the password in PGPASSWORD.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string tool, string connectionString, params string[] arguments)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return ChildProcess.RunAsync(
            PostgresServer.Tool(tool),
            new Dictionary<string, string> { ["PGPASSWORD"] = settings.Password ?? "" },
            ["-h", settings.Host!, "-p", settings.Port.ToString(CultureInfo.InvariantCulture), "-U", settings.Username!, "-d", settings.Database!, .. arguments]);
    }

    /// <summary>Runs a SQL file with psql as a person would: no psqlrc, quiet, stopping at the first error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> PsqlFileAsync(string connectionString, string sql)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, sql);
            return await RunAsync("psql", connectionString, "-q", "-X", "-v", "ON_ERROR_STOP=1", "-f", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The database's schema as <c>pg_dump --schema-only</c> writes it, less the random key pg_dump 15.14 on wraps it in.</summary>
    public static async Task<string> SchemaAsync(string connectionString)
    {
        var (exitCode, output, error) = await RunAsync("pg_dump", connectionString, "--schema-only", "--no-owner");
        Assert.True(exitCode == 0, $"pg_dump failed: {error}");
        return string.Join('\n', output.Split('\n').Where(line => !line.StartsWith("\\restrict ", StringComparison.Ordinal) && !line.StartsWith("\\unrestrict ", StringComparison.Ordinal)));
    }
}
