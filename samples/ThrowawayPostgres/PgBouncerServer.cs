using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace SchemaGen.ThrowawayPostgres;

/// <summary>
/// A throwaway PgBouncer in front of a <see cref="PostgresServer"/>, in transaction pooling mode with a small pool, so
/// consecutive transactions of one client land on different server sessions as they do in production. Any database
/// name is passed through; clients connect as <c>schemagen</c> without a password (PgBouncer signs in to the server).
/// </summary>
public sealed class PgBouncerServer : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/pgbouncer";
    private readonly string _root;
    private int _stopped;

    private PgBouncerServer(string root, int port)
    {
        _root = root;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    /// <summary>The loopback port PgBouncer listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string through PgBouncer to the given database.</summary>
    public string ConnectionString(string database)
        => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "schemagen",
            Database = database,
            // PgBouncer in transaction mode: no session state is kept between transactions, so none is reset either.
            NoResetOnClose = true,
        }.ConnectionString;

    /// <summary>Starts PgBouncer (transaction mode, <paramref name="poolSize"/> server connections per database).</summary>
    public static async Task<PgBouncerServer> StartAsync(PostgresServer server, int poolSize = 4, CancellationToken cancellationToken = default)
    {
        DebianPackages.EnsureInstalled(
            "pgbouncer",
            () => File.Exists(Binary),
            $"PgBouncer was not found at {Binary}. Install it (Debian: apt-get install pgbouncer, or run build/install-prerequisites.sh).");

        var root = Path.Combine(Path.GetTempPath(), "schemagen-bouncer-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant());
        Directory.CreateDirectory(root);
        var port = PostgresServer.FreeLoopbackPort();
        var config = Path.Combine(root, "pgbouncer.ini");
        await File.WriteAllTextAsync(Path.Combine(root, "userlist.txt"), "\"schemagen\" \"\"\n", cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            [databases]
            * = host=127.0.0.1 port={server.Port} user={server.Username} password={server.Password}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = trust
            auth_file = {root}/userlist.txt
            pool_mode = transaction
            default_pool_size = {poolSize}
            max_client_conn = 1000
            server_reset_query =
            ignore_startup_parameters = extra_float_digits,options
            logfile = {root}/pgbouncer.log
            pidfile = {root}/pgbouncer.pid

            """), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await CommandRunner.GiveToServiceUserAsync(root, cancellationToken).ConfigureAwait(false);
        await new CommandRunner(Path.GetDirectoryName(Binary)!).RunAsync("pgbouncer", ["-d", config], cancellationToken).ConfigureAwait(false);
        var bouncer = new PgBouncerServer(root, port);
        await bouncer.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
        return bouncer;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        NpgsqlConnection.ClearAllPools();
        var pidFile = Path.Combine(_root, "pgbouncer.pid");
        if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile).ConfigureAwait(false)).Trim(), out var pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void StopOnExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"PgBouncer did not start listening on port {Port}; see {_root}/pgbouncer.log.");
    }
}
