using System.CommandLine;
using Npgsql;
using SchemaGen.Hosting.Authoring;
using SchemaGen.Hosting.Output;

namespace SchemaGen.Hosting;

/// <summary>The verbs' command line: the options they share, and how a verb reaches the database and reports a failure.</summary>
internal sealed partial class MigrationVerbs(IReadOnlyList<MigrationDescriptor> migrations, MigrationCommandSettings settings)
{
    private const int Failed = 1;

    private readonly Option<string> _connection = new("--connection")
    {
        Description = $"The database's connection string; default: the {MigrationCommandSettings.ConnectionVariable} environment variable, then the app's own",
    };

    private readonly Option<string> _output = new Option<string>("--output", "-o")
    {
        Description = "text (default), or json: one document of the shape docs/json/<verb>.v1.schema.json describes, logs on standard error",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "json");

    private readonly Option<int?> _lockTimeout = new("--lock-timeout")
    {
        Description = "How many seconds to wait for another process that holds the migration lock; default the app's (5 minutes unless it set one)",
    };

    /// <summary>The verbs with a line each, in the order help lists them; <c>new</c> and <c>renumber</c> need no database.</summary>
    public Command Build(bool authoringOnly = false)
    {
        var root = new Command(settings.AppName, "SchemaGen's verbs");
        root.Options.Add(new System.CommandLine.Help.HelpOption());
        if (!authoringOnly)
        {
            root.Subcommands.Add(Database(Verb("migrate", "Applies pending migrations, in order, logging each step", MigrateAsync), withOutput: true, takesLock: true));
            root.Subcommands.Add(Database(Verb("status", "Lists every migration with its state, when it was applied and how long it took", StatusAsync), withOutput: true));
            root.Subcommands.Add(Database(Verify(), withOutput: true));
            root.Subcommands.Add(Script());
            root.Subcommands.Add(Revert());
            root.Subcommands.Add(Baseline());
            root.Subcommands.Add(Import());
            root.Subcommands.Add(Repair());
            root.Subcommands.Add(Tenants());
        }

        root.Subcommands.Add(New());
        root.Subcommands.Add(Renumber());
        return root;
    }

    private static Command Verb(string name, string description, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        var command = new Command(name, description);
        command.SetAction(action);
        return command;
    }

    /// <summary>
    /// Gives a verb that reaches the database <c>--connection</c>; <c>--output</c> when it has a JSON shape; <c>--lock-timeout</c>
    /// when it takes the migration lock. Its subcommands too.
    /// </summary>
    private Command Database(Command verb, bool withOutput = false, bool takesLock = false)
    {
        verb.Options.Add(_connection);
        if (withOutput)
        {
            verb.Options.Add(_output);
        }

        if (takesLock)
        {
            verb.Options.Add(_lockTimeout);
        }

        foreach (var subcommand in verb.Subcommands)
        {
            Database(subcommand, withOutput, takesLock);
        }

        return verb;
    }

    private bool Json(ParseResult parse) => parse.GetResult(_output) is not null && parse.GetValue(_output) == "json";

    /// <summary>Runs <paramref name="action"/> with a runner of the app's migrations and options on the verb's database.</summary>
    private Task<int> WithRunnerAsync(ParseResult parse, Func<MigrationRunner, Task<int>> action)
        => WithRunnerAsync(parse, settings.RunnerOptions, action);

    /// <summary>
    /// Runs <paramref name="action"/> with a runner on the verb's database. A SchemaGen error becomes exit code 1 and its message
    /// on standard error, and, with <c>--output json</c>, an error document on standard output. With JSON, the log goes to standard error.
    /// </summary>
    private async Task<int> WithRunnerAsync(ParseResult parse, MigrationRunnerOptions? options, Func<MigrationRunner, Task<int>> action)
    {
        var connectionString = parse.GetValue(_connection)
            ?? Environment.GetEnvironmentVariable(MigrationCommandSettings.ConnectionVariable)
            ?? settings.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return Fail(parse, $"No database: pass --connection \"Host=…;Database=…\", or set {MigrationCommandSettings.ConnectionVariable}.", migration: null);
        }

        try
        {
            await using var dataSource = settings.CreateDataSource(connectionString);
            var named = options?.Copy() ?? new MigrationRunnerOptions();
            named.CommandName = settings.AppName;
            if (parse.GetResult(_lockTimeout) is not null && parse.GetValue(_lockTimeout) is { } seconds)
            {
                named.LockTimeout = TimeSpan.FromSeconds(Math.Max(0, seconds));
            }

            var logger = Json(parse) ? new TextWriterLogger(settings.Error, settings.Error) : new TextWriterLogger(settings.Output, settings.Error);
            return await action(new MigrationRunner(dataSource, migrations, named, logger)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MigrationException or NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return Fail(parse, e.Message, (e as MigrationException)?.MigrationId);
        }
    }

    /// <summary>Runs a verb that edits the project's files; its refusal becomes exit code 1 and its message.</summary>
    private int WithProject(ParseResult parse, Func<MigrationProject, int> action)
    {
        try
        {
            return action(MigrationProject.Find(parse.GetValue(_project)));
        }
        catch (Exception e) when (e is AuthoringException or IOException or UnauthorizedAccessException)
        {
            return Fail(parse, e.Message, migration: null);
        }
    }

    /// <summary>Reports a failure: the message on standard error, prefixed with the verb; with JSON, an error document as well.</summary>
    private int Fail(ParseResult parse, string message, string? migration)
    {
        var verb = VerbName(parse);
        settings.Error.WriteLine($"{verb}: {message}");
        if (Json(parse))
        {
            VerbOutput.Write(settings.Output, VerbOutput.Error(verb, message, migration), VerbJson.Default.ErrorOutput);
        }

        return Failed;
    }

    /// <summary>The verb as typed, below the app's name: <c>migrate</c>, <c>repair checksum</c>.</summary>
    public static string VerbName(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var command = parse.CommandResult; command.Parent is System.CommandLine.Parsing.CommandResult parent; command = parent)
        {
            names.Push(command.Command.Name);
        }

        return string.Join(' ', names);
    }
}
