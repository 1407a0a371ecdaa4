using AuditLog;
using AuditLog.Auditing;
using Npgsql;
using SchemaGen;
using SchemaGen.Generated;
using SchemaGen.Hosting;
using SchemaGen.ThrowawayPostgres;

// The audit-log sample: migrates a database at start-up, then writes an audit event and reads it back.
//   dotnet run --project samples/AuditLog                          a throwaway local PostgreSQL
//   dotnet run --project samples/AuditLog -- --connection "Host=…"  that database (so does SCHEMAGEN_CONNECTION)
//   dotnet run --project samples/AuditLog -- migrate|status|verify|baseline N|tenants --connection "Host=…"
//                                                                   SchemaGen's verbs: this binary is its own migration bundle
var logger = new PlainConsoleLogger();
var connectionString = ConnectionArgument(args) ?? Environment.GetEnvironmentVariable(MigrationCommandSettings.ConnectionVariable);
if (await MigrationCommands.TryRunAsync(args, MigrationRegistry.All, new MigrationCommandSettings { ConnectionString = connectionString }) is { } exitCode)
{
    return exitCode;
}

await using var throwaway = connectionString is null ? await PostgresServer.StartAsync() : null;
if (throwaway is not null)
{
    connectionString = throwaway.ConnectionString();
    Console.WriteLine($"Started a throwaway PostgreSQL on 127.0.0.1:{throwaway.Port} (removed on exit)");
}

// The slim builder keeps a Native AOT binary small; add what your own migrations need (EnableArrays(), EnableRanges(),
// EnableJsonTypes(), ...). The runner itself needs nothing beyond it. TLS is opted in for real servers (SSL Mode=Require).
await using var dataSource = new NpgsqlSlimDataSourceBuilder(connectionString!).EnableTransportSecurity().Build();
var runner = new MigrationRunner(dataSource, MigrationRegistry.All, logger: logger);
try
{
    await runner.RunAsync();
    await using (var count = dataSource.CreateCommand("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"))
    {
        Console.WriteLine($"Database initialized successfully ({await count.ExecuteScalarAsync()} tables)");
    }

    await using (var seed = dataSource.CreateCommand("INSERT INTO users (username) VALUES ('admin') ON CONFLICT (username) DO NOTHING"))
    {
        await seed.ExecuteNonQueryAsync();
    }

    var audit = new AuditLogger(dataSource, new AuditLogRepository(dataSource));
    var written = await audit.LogAsync("admin", "user_login", "Administrator signed in", ipAddress: "127.0.0.1", resource: ("session", "1", "console"));
    var read = (await new AuditLogRepository(dataSource).RecentAsync(1)).Single();
    Console.WriteLine($"Audit event #{read.Id} at {read.CreatedAt:u}: {read.Username} (user {read.UserId}) {read.EventType} \"{read.Message}\" severity={read.Severity}");
    if (read.Id != written.Id)
    {
        throw new InvalidOperationException("The audit event read back is not the one written.");
    }

    Console.WriteLine();
    Console.WriteLine("Running the migrations again (as the next start-up would):");
    var second = await runner.RunAsync();
    Console.WriteLine($"Second run applied {second.Applied.Count} migration(s).");
    var statuses = await runner.GetStatusAsync();
    var idWidth = statuses.Max(status => status.Id.Length);
    foreach (var status in statuses)
    {
        Console.WriteLine($"  {status.Id.PadRight(idWidth)} {status.State,-8} applied {status.AppliedAt:u} in {status.ExecutionTimeMs} ms");
    }

    return 0;
}
catch (MigrationException e)
{
    Console.Error.WriteLine($"Migration failed: {e.Message}");
    return 1;
}

static string? ConnectionArgument(string[] args)
{
    var index = Array.IndexOf(args, "--connection");
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
