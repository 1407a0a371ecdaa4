using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace SchemaGen.ThrowawayPostgres;

/// <summary>
/// A throwaway PostgreSQL server in a directory of its own (in shared memory where the machine has it, else the temporary
/// folder) on a loopback port, with fsync off, for tests and samples.
/// It has a superuser <c>schemagen</c> with a random password (password authentication over TCP), and is stopped
/// and deleted on dispose or when the process exits.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly CommandRunner _tools;
    private readonly string _root;
    private int _stopped;

    private PostgresServer(CommandRunner tools, string root, int port, string password)
    {
        _tools = tools;
        _root = root;
        Port = port;
        Password = password;
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The superuser's password (random per server).</summary>
    public string Password { get; }

    /// <summary>The superuser's name.</summary>
    public string Username => "schemagen";

    /// <summary>The server's own directory: its data directory, its log, and what a wrapper writes to <c>{dir}</c>.</summary>
    public string RootDirectory => _root;

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>The postmaster's process id (the first line of its <c>postmaster.pid</c>), parent of every backend.</summary>
    public int ProcessId => int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    /// <summary>The path of one of the server's client tools (psql, pg_dump) from the same installation.</summary>
    public static string Tool(string name) => Path.Combine(PostgresInstallation.FindBinDirectory(), name);

    /// <summary>A connection string for the given database (default <c>postgres</c>).</summary>
    public string ConnectionString(string database = "postgres")
        => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Username,
            Password = Password,
            Database = database,
        }.ConnectionString;

    /// <summary>Starts a new server (about 1–2 s).</summary>
    public static Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default) => StartAsync(wrapper: [], cancellationToken);

    /// <summary>
    /// Starts a new server whose processes run under <paramref name="wrapper"/>, a command line put before PostgreSQL's own
    /// (valgrind's, say). <c>{dir}</c> in it stands for the server's own directory, which the server's user may write.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(IReadOnlyList<string> wrapper, CancellationToken cancellationToken = default)
    {
        var tools = new CommandRunner(PostgresInstallation.FindBinDirectory());
        StaleServerSweeper.Sweep(TryDelete);
        var root = Path.Combine(StaleServerSweeper.Parent, StaleServerSweeper.DirectoryPrefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant());
        Directory.CreateDirectory(root);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var passwordFile = Path.Combine(root, "password");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var postgres = wrapper.Count == 0 ? null : await WriteWrapperAsync(root, wrapper, cancellationToken).ConfigureAwait(false);
        await CommandRunner.GiveToServiceUserAsync(root, cancellationToken).ConfigureAwait(false);

        try
        {
            await tools.RunAsync("initdb", [
                "-D", Path.Combine(root, "data"), "-U", "schemagen", "--pwfile", passwordFile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync",
            ], cancellationToken).ConfigureAwait(false);
            File.Delete(passwordFile);
            var port = await StartOnFreePortAsync(tools, root, postgres, cancellationToken).ConfigureAwait(false);
            return new PostgresServer(tools, root, port, password);
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>Restarts the server on the same port (fast shutdown: every open connection is terminated, as in a failover or upgrade).</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default)
        => _tools.RunAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"], cancellationToken);

    /// <summary>Stops the server and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await _tools.RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(_root);
        }
    }

    private void StopOnExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>A script that runs PostgreSQL's server under the wrapper, for <c>pg_ctl -p</c>.</summary>
    private static async Task<string> WriteWrapperAsync(string root, IReadOnlyList<string> wrapper, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("A wrapped server needs a Unix shell to run its wrapper script.");
        }

        var script = Path.Combine(root, "postgres");
        var command = string.Join(' ', wrapper.Append(Tool("postgres")).Select(argument => ShellQuote(argument.Replace("{dir}", root, StringComparison.Ordinal))));
        await File.WriteAllTextAsync(script, $"#!/bin/sh\nexec {command} \"$@\"\n", cancellationToken).ConfigureAwait(false);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        return script;
    }

    private static string ShellQuote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static async Task<int> StartOnFreePortAsync(CommandRunner tools, string root, string? postgres, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var settings = string.Join(' ',
                $"-c port={port.ToString(CultureInfo.InvariantCulture)}",
                "-c listen_addresses=127.0.0.1",
                $"-c unix_socket_directories={root}",
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                "-c max_connections=200");
            try
            {
                string[] executable = postgres is null ? [] : ["-p", postgres];
                await tools.RunAsync("pg_ctl", [
                    "-D", Path.Combine(root, "data"), "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", .. executable, "-o", settings, "start",
                ], cancellationToken).ConfigureAwait(false);
                return port;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between our probe and the server's bind; try another.
            }
        }
    }

    /// <summary>A loopback TCP port nothing listens on right now, for a server about to start.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
