using System.CommandLine;
using System.Reflection;

namespace SchemaGen.Hosting;

/// <summary>What the verbs say about themselves: the list of verbs, a verb's options, the version, and a wrong command line.</summary>
internal sealed class MigrationHelp(Command root, IReadOnlyList<MigrationDescriptor> migrations, MigrationCommandSettings settings, bool authoringOnly)
{
    private string App => settings.AppName;

    /// <summary>Every verb with a line each, what the options and exit codes are.</summary>
    public int Verbs()
    {
        var output = settings.Output;
        output.WriteLine(authoringOnly
            ? "schemagen: writes SchemaGen migrations into a project, with no database and no build."
            : $"{App}: SchemaGen's verbs for this app's {Migrations()}.");
        output.WriteLine();
        output.WriteLine($"Usage: {App} <verb> [arguments] [options]" + (authoringOnly ? "" : "        (with no verb, the app starts as usual)"));
        output.WriteLine();
        output.WriteLine("Verbs:");
        var width = root.Subcommands.Max(verb => verb.Name.Length) + 2;
        foreach (var verb in root.Subcommands)
        {
            output.WriteLine($"  {verb.Name.PadRight(width)}{verb.Description}");
        }

        output.WriteLine($"  {"help".PadRight(width)}This list; 'help <verb>' shows a verb's arguments and options");
        output.WriteLine();
        if (!authoringOnly)
        {
            output.WriteLine($"A verb that reaches the database takes --connection \"Host=…;Database=…\" (default: {MigrationCommandSettings.ConnectionVariable}, then the app's own).");
            output.WriteLine("migrate, status, verify and script take --output json: one document of a documented shape on standard output.");
        }

        output.WriteLine($"new and renumber edit the project in the current folder, or --project <folder or .csproj>.");
        output.WriteLine($"Exit codes: 0 done; 1 failed{(authoringOnly ? "" : " (verify: migrations pending); 2 verify: a migration failed or was edited; 3 verify --schema: the schema drifted")}; {MigrationCommands.UsageError} the command line is wrong.");
        return 0;
    }

    /// <summary>One verb's usage, arguments and options, as System.CommandLine writes them.</summary>
    public Task<int> VerbAsync(string[] verb, CancellationToken cancellationToken)
    {
        if (!root.Subcommands.Any(command => command.Name == verb[0]))
        {
            return Task.FromResult(UnknownVerb(verb[0]));
        }

        return root.Parse([.. verb, "--help"]).InvokeAsync(new InvocationConfiguration { Output = settings.Output, Error = settings.Error }, cancellationToken);
    }

    public int Version()
    {
        settings.Output.WriteLine($"{App} {InformationalVersion(Assembly.GetEntryAssembly())}");
        settings.Output.WriteLine($"SchemaGen {InformationalVersion(typeof(MigrationRunner).Assembly)}" + (authoringOnly ? "" : $": {Migrations()}"));
        return 0;
    }

    public int UnknownVerb(string word)
    {
        var closest = root.Subcommands.Select(verb => verb.Name).Append("help").MinBy(name => Distance(word, name))!;
        var suggestion = Distance(word, closest) <= 2 ? $" Did you mean '{closest}'?" : "";
        settings.Error.WriteLine($"'{word}' is not a verb of {App}.{suggestion} Run '{App} help' for the verbs.");
        return MigrationCommands.UsageError;
    }

    public int UsageErrors(ParseResult parse)
    {
        var verb = MigrationVerbs.VerbName(parse);
        foreach (var error in parse.Errors)
        {
            settings.Error.WriteLine($"{verb}: {error.Message}");
        }

        settings.Error.WriteLine($"Run '{App} help {verb}' for its arguments and options.");
        return MigrationCommands.UsageError;
    }

    private string Migrations()
        => migrations.Count == 0 ? "no migrations" : $"{migrations.Count} migration(s), the newest {migrations[^1].Id}";

    private static string InformationalVersion(Assembly? assembly)
        => assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly?.GetName().Version?.ToString() ?? "(unknown version)";

    /// <summary>The Levenshtein distance, for the verb a typo meant.</summary>
    private static int Distance(string left, string right)
    {
        var previous = Enumerable.Range(0, right.Length + 1).ToArray();
        for (var i = 1; i <= left.Length; i++)
        {
            var current = new int[right.Length + 1];
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[right.Length];
    }
}
