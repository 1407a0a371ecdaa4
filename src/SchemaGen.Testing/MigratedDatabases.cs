using System.Collections.Concurrent;
using Npgsql;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Testing;

/// <summary>
/// A migrated database per test, in milliseconds: the migrations are applied once, to a template database named after their
/// digest (reused by later runs on a server that keeps it, while the migrations are unchanged), and each test gets its own
/// database cloned from it (<c>CREATE DATABASE … TEMPLATE</c>), dropped when the test disposes it. Safe for tests running in
/// parallel, in one process or several.
/// <code>
/// await using var databases = await MigratedDatabases.StartAsync(MigrationRegistry.All);
/// await using var db = await databases.CreateAsync();        // a fresh migrated database
/// (await databases.CheckRedoAsync()).EnsureSucceeded();        // every down undoes its migration
/// </code>
/// </summary>
public sealed class MigratedDatabases : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(() => PostgresServer.StartAsync());
    private static readonly ConcurrentDictionary<string, Task> EnsuredTemplates = new();

    private readonly IReadOnlyList<MigrationDescriptor> _migrations;
    private readonly MigrationRunnerOptions _options;
    private readonly string _prefix;
    private readonly bool _fileCopy;

    private MigratedDatabases(
        string serverConnectionString, string template, IReadOnlyList<MigrationDescriptor> migrations, MigrationRunnerOptions options, string prefix, bool fileCopy)
    {
        ServerConnectionString = serverConnectionString;
        TemplateName = template;
        _migrations = migrations;
        _options = options;
        _prefix = prefix;
        _fileCopy = fileCopy;
    }

    /// <summary>The server's connection string (its maintenance database), password included.</summary>
    public string ServerConnectionString { get; }

    /// <summary>The template database the clones come from.</summary>
    public string TemplateName { get; }

    /// <summary>Finds or starts the server and makes the template of <paramref name="migrations"/> unless the server has it.</summary>
    public static async Task<MigratedDatabases> StartAsync(
        IReadOnlyList<MigrationDescriptor> migrations, MigratedDatabasesOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        options ??= new MigratedDatabasesOptions();
        var runnerOptions = options.RunnerOptions ?? new MigrationRunnerOptions();
        var server = options.ConnectionString
            ?? Environment.GetEnvironmentVariable(MigratedDatabasesOptions.ConnectionVariable)
            ?? (await SharedServer.Value.ConfigureAwait(false)).ConnectionString();
        var template = TemplateDatabase.NameFor(migrations, runnerOptions, options.DatabasePrefix);
        var key = server + "\n" + template;
        var ensured = EnsuredTemplates.GetOrAdd(key, _ => TemplateDatabase.EnsureAsync(server, template, migrations, runnerOptions, CancellationToken.None));
        try
        {
            await ensured.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The next start tries again rather than meet the same failed task.
            EnsuredTemplates.TryRemove(KeyValuePair.Create(key, ensured));
            throw;
        }

        return new MigratedDatabases(server, template, migrations, runnerOptions, options.DatabasePrefix, options.CloneByFileCopy);
    }

    /// <summary>A new database cloned from the template: migrated, and the test's alone. Dispose it to drop it.</summary>
    public async Task<MigratedDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var name = NewName();
        await ServerCommands.CloneAsync(ServerConnectionString, TemplateName, name, _fileCopy, cancellationToken).ConfigureAwait(false);
        return new MigratedDatabase(ServerConnectionString, name);
    }

    /// <summary>
    /// The redo check (<see cref="RedoCheck"/>) on a new, empty database, dropped afterwards: every reversible migration is
    /// reverted and applied again, and must leave the catalog as it was each time.
    /// </summary>
    public async Task<RedoCheckResult> CheckRedoAsync(CancellationToken cancellationToken = default)
    {
        var name = NewName();
        await using (var connection = await ServerCommands.OpenAsync(ServerConnectionString, cancellationToken).ConfigureAwait(false))
        {
            await ServerCommands.CreateEmptyAsync(connection, name, cancellationToken).ConfigureAwait(false);
        }

        await using var database = new MigratedDatabase(ServerConnectionString, name);
        return await RedoCheck.RunAsync(database.DataSource, _migrations, _options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Nothing to release: the template stays for the next run, and a throwaway server stops when the process exits.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string NewName() => $"{_prefix}_{Guid.NewGuid():N}"[..Math.Min(63, _prefix.Length + 33)];
}
