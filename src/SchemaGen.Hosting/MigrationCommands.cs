using System.CommandLine;

namespace SchemaGen.Hosting;

/// <summary>
/// SchemaGen's verbs from the app's own binary, which holds the registry and so is its own migration bundle (Native AOT
/// included). One call at the top of <c>Program.cs</c>:
/// <code>if (await MigrationCommands.TryRunAsync(args, MigrationRegistry.All) is { } exitCode) return exitCode;</code>
/// </summary>
public static class MigrationCommands
{
    /// <summary>The exit code of a command line that is wrong (an unknown verb or option, a missing argument): 64, as in sysexits.h.</summary>
    public const int UsageError = 64;

    /// <summary>The verbs, each the first argument: <c>migrate</c>, <c>status</c>, <c>verify</c>, <c>script</c>, <c>revert</c>, <c>baseline</c>, <c>import</c>, <c>repair</c>, <c>tenants</c>, <c>new</c>, <c>renumber</c>, <c>help</c>.</summary>
    public static IReadOnlyList<string> Verbs { get; } = ["migrate", "status", "verify", "script", "revert", "baseline", "import", "repair", "tenants", "new", "renumber", "help"];

    /// <summary>
    /// Runs the verb <paramref name="args"/> start with and returns its exit code; returns null when they are empty or start
    /// with an option SchemaGen does not take (<c>--urls …</c>), and the app goes on as usual. <c>help</c>, <c>--help</c> and
    /// <c>--version</c> answer; a first word that is no verb exits <see cref="UsageError"/>, unless
    /// <see cref="MigrationCommandSettings.PassUnknownVerbsToApp"/>. <c>verify</c> exits 0 up to date, 1 pending, 2 drifted; the
    /// others exit 0 on success and 1 on failure, the reason written to <see cref="MigrationCommandSettings.Error"/>.
    /// </summary>
    public static async Task<int?> TryRunAsync(
        string[] args, IReadOnlyList<MigrationDescriptor> migrations, MigrationCommandSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(migrations);
        settings ??= new MigrationCommandSettings();
        if (args.Length == 0 || (!Verbs.Contains(args[0]) && !IsHelp(args[0]) && args[0] != "--version" && (args[0].StartsWith('-') || settings.PassUnknownVerbsToApp)))
        {
            return null;
        }

        return await RunAsync(args, migrations, settings, authoringOnly: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <c>new</c>, <c>renumber</c> or <c>help</c>: the verbs that write migrations into a project, with no database and no
    /// build. The <c>schemagen</c> dotnet tool is this call.
    /// </summary>
    public static Task<int> RunAuthoringAsync(string[] args, MigrationCommandSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        return RunAsync(args, [], settings ?? new MigrationCommandSettings(), authoringOnly: true, cancellationToken);
    }

    private static async Task<int> RunAsync(
        string[] args, IReadOnlyList<MigrationDescriptor> migrations, MigrationCommandSettings settings, bool authoringOnly, CancellationToken cancellationToken)
    {
        var root = new MigrationVerbs(migrations, settings).Build(authoringOnly);
        var help = new MigrationHelp(root, migrations, settings, authoringOnly);
        if (args.Length == 0 || IsHelp(args[0]))
        {
            return args.Length > 1 ? await help.VerbAsync(args[1..], cancellationToken).ConfigureAwait(false) : help.Verbs();
        }

        if (args[0] == "--version")
        {
            return help.Version();
        }

        if (!root.Subcommands.Any(verb => verb.Name == args[0]))
        {
            return help.UnknownVerb(args[0]);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            return help.UsageErrors(parse);
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = settings.Output, Error = settings.Error }, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsHelp(string argument) => argument is "help" or "--help" or "-h" or "-?";
}
