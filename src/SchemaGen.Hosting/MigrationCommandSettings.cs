using Npgsql;

namespace SchemaGen.Hosting;

/// <summary>What <see cref="MigrationCommands"/> needs besides the migrations: where the database is, and where to write.</summary>
public sealed class MigrationCommandSettings
{
    /// <summary>The environment variable a verb reads the connection string from when <c>--connection</c> is not given.</summary>
    public const string ConnectionVariable = "SCHEMAGEN_CONNECTION";

    /// <summary>The connection string used when neither <c>--connection</c> nor <see cref="ConnectionVariable"/> gives one.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Builds the data source from the connection string; the default is <see cref="NpgsqlDataSource.Create(string)"/>.</summary>
    public Func<string, NpgsqlDataSource> CreateDataSource { get; set; } = NpgsqlDataSource.Create;

    /// <summary>The runner's options (schema, table name, lock mode, timeouts); null for the defaults.</summary>
    public MigrationRunnerOptions? RunnerOptions { get; set; }

    /// <summary>The app's name as a person types it before a verb, for messages that name the verb to run; default the entry assembly's name.</summary>
    public string AppName { get; set; } = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "app";

    /// <summary>
    /// Whether a first argument that is no SchemaGen verb (and no option) is the app's own, so that
    /// <see cref="MigrationCommands.TryRunAsync"/> returns null for it. Default false: it is refused as a typo of a verb, with
    /// exit code <see cref="MigrationCommands.UsageError"/>. Set it for an app that takes commands of its own.
    /// </summary>
    public bool PassUnknownVerbsToApp { get; set; }

    /// <summary>Where tables, results and progress go.</summary>
    public TextWriter Output { get; set; } = Console.Out;

    /// <summary>Where errors go.</summary>
    public TextWriter Error { get; set; } = Console.Error;
}
