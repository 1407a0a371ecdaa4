using System.CommandLine;

namespace SchemaGen.Hosting;

/// <summary>
/// SchemaGen's verbs from the app's own binary, which holds the registry and so is its own migration bundle (Native AOT
/// included). One call at the top of <c>Program.cs</c>:
/// <code>if (await MigrationCommands.TryRunAsync(args, MigrationRegistry.All) is { } exitCode) return exitCode;</code>
/// </summary>
public static class MigrationCommands
{
    /// <summary>The verbs, each the first argument: <c>migrate</c>, <c>status</c>, <c>verify</c>, <c>script</c>, <c>baseline</c>, <c>import</c>, <c>repair</c>, <c>tenants</c>.</summary>
    public static IReadOnlyList<string> Verbs { get; } = ["migrate", "status", "verify", "script", "baseline", "import", "repair", "tenants"];

    /// <summary>
    /// Runs the verb <paramref name="args"/> start with and returns its exit code; returns null when they start with none,
    /// and the app goes on as usual. <c>verify</c> exits 0 up to date, 1 pending, 2 drifted (failed or edited migrations);
    /// the others exit 0 on success and 1 on failure, the reason written to <see cref="MigrationCommandSettings.Error"/>.
    /// </summary>
    public static async Task<int?> TryRunAsync(
        string[] args, IReadOnlyList<MigrationDescriptor> migrations, MigrationCommandSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(migrations);
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return null;
        }

        settings ??= new MigrationCommandSettings();
        var root = new MigrationVerbs(migrations, settings).Build();
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = settings.Output, Error = settings.Error }, cancellationToken).ConfigureAwait(false);
    }
}
