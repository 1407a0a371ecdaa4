using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Benchmarks;

/// <summary>
/// The server's work per migration as instructions counted by callgrind, which do not move with the machine's load as
/// time does: PostgreSQL runs under valgrind, each action applies migrations to a fresh database on one connection, and
/// that connection's backend writes its count when it exits. The slope between two sizes cancels what a run costs once
/// (connecting, the ledger's set-up) and what a backend inherits from the postmaster it was forked from.
/// </summary>
internal static class ServerInstructionsBenchmark
{
    private static int _created;

    public static async Task RunAsync(int smaller, int larger)
    {
        Console.WriteLine($"## Server instructions per migration (PostgreSQL under callgrind, the slope from {smaller} to {larger} migrations)");
        Console.WriteLine();
        if (!OnPath("valgrind"))
        {
            Console.WriteLine("Skipped: valgrind is not installed (`bash build/install-prerequisites.sh` installs it).");
            Console.WriteLine();
            return;
        }

        await using var server = await PostgresServer.StartAsync(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file={dir}/callgrind.%p", "--dump-instr=no", "--dump-line=no"]);
        var raw = await PerMigrationAsync(server, smaller, larger, BenchmarkMigration.ApplyRawAsync);
        var runner = await PerMigrationAsync(server, smaller, larger, (dataSource, count) => new MigrationRunner(dataSource, BenchmarkMigration.Generated(count)).RunAsync());

        Console.WriteLine("| applying `CREATE TABLE`s, a transaction each | instructions per migration | ratio |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| raw Npgsql | {raw:N0} | 1.00× |");
        Console.WriteLine($"| `RunAsync` | {runner:N0} | {runner / raw:F2}× |");
        Console.WriteLine();
        Console.WriteLine($"SchemaGen's own server work: {runner - raw:N0} instructions per migration (ledger row, head trigger, prelude, session reset).");
        Console.WriteLine();
    }

    private static async Task<double> PerMigrationAsync(PostgresServer server, int smaller, int larger, Func<NpgsqlDataSource, int, Task> apply)
    {
        var few = await BackendInstructionsAsync(server, smaller, apply);
        var many = await BackendInstructionsAsync(server, larger, apply);
        return (double)(many - few) / (larger - smaller);
    }

    /// <summary>The instructions of the one backend that applied <paramref name="count"/> migrations to a fresh database.</summary>
    private static async Task<long> BackendInstructionsAsync(PostgresServer server, int count, Func<NpgsqlDataSource, int, Task> apply)
    {
        var database = await server.CreateDatabaseAsync($"instructions_{Interlocked.Increment(ref _created)}");
        // One connection, and timeouts for a server that runs some 50 times slower than usual.
        var settings = new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 1, Timeout = 120, CommandTimeout = 0 };
        int backend;
        await using (var dataSource = NpgsqlDataSource.Create(settings.ConnectionString))
        {
            await apply(dataSource, count);
            await using var command = dataSource.CreateCommand("SELECT pg_backend_pid()");
            backend = (int)(await command.ExecuteScalarAsync())!;
        }

        return await CountWrittenAsync(Path.Combine(server.RootDirectory, $"callgrind.{backend}"));
    }

    /// <summary>The <c>summary:</c> line callgrind writes for a process when it exits.</summary>
    private static async Task<long> CountWrittenAsync(string file)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (File.Exists(file) && File.ReadLines(file).FirstOrDefault(line => line.StartsWith("summary: ", StringComparison.Ordinal)) is { } summary)
            {
                return long.Parse(summary["summary: ".Length..], CultureInfo.InvariantCulture);
            }

            if (waited.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"callgrind wrote no summary to {file} within two minutes of the backend's connection closing.");
            }

            await Task.Delay(100);
        }
    }

    private static bool OnPath(string tool)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(directory => File.Exists(Path.Combine(directory, tool)));
}
