using System.CommandLine;
using System.Globalization;

namespace SchemaGen.Hosting;

/// <summary>The revert verb: downs, newest first, under the migration lock.</summary>
internal sealed partial class MigrationVerbs
{
    private readonly Option<int?> _revertTo = new("--to")
    {
        Description = "Keep migrations 1 to this one (0: none) and revert every applied one above it; default: the newest applied one only",
    };

    private Command Revert()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be reverted, after the same checks; revert nothing" };
        var revert = Verb(
            "revert",
            "Undoes applied migrations, newest first, each with its down (DownAsync or a .down.sql file); refuses before running anything if one has no down",
            (parse, cancellationToken) =>
            {
                var to = parse.GetValue(_revertTo);
                if (to is { } keep && (keep < 0 || keep > migrations.Count))
                {
                    return Task.FromResult(Fail(parse, $"--to {keep} is not a migration of this build; give 0 (revert all) or a number from 1 to {migrations.Count}.", migration: null));
                }

                return WithRunnerAsync(parse, async runner =>
                {
                    if (parse.GetValue(dryRun))
                    {
                        var plan = await runner.PlanRevertAsync(to, cancellationToken).ConfigureAwait(false);
                        settings.Output.WriteLine(plan.Count == 0
                            ? "Dry run: nothing to revert. Nothing was reverted."
                            : $"Dry run: would revert, newest first: {string.Join(", ", plan.Select(m => m.Id))}. Nothing was reverted.");
                        return 0;
                    }

                    var report = await runner.RevertAsync(to, cancellationToken).ConfigureAwait(false);
                    settings.Output.WriteLine(report.Reverted.Count == 0
                        ? "Nothing to revert."
                        : $"Reverted {report.Reverted.Count} migration(s) in {report.Elapsed.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture)} s; migrate applies them again.");
                    return 0;
                });
            });
        revert.Options.Add(_revertTo);
        revert.Options.Add(dryRun);
        return Database(revert, takesLock: true);
    }
}
