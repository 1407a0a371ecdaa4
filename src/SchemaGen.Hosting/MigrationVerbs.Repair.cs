using System.CommandLine;
using System.Globalization;

namespace SchemaGen.Hosting;

/// <summary>The repair verbs: a ledger row fixed by hand, under the migration lock.</summary>
internal sealed partial class MigrationVerbs
{
    private Command Repair()
    {
        var repair = new Command("repair", "Fixes a ledger row by hand, under the migration lock");
        repair.Subcommands.Add(RepairChecksum());
        repair.Subcommands.Add(Verb(
            "checksums",
            "Records checksum version 2 for the SQL migrations an earlier release recorded with version 1, after verifying each",
            (parse, cancellationToken) => WithRunnerAsync(parse, async runner =>
            {
                var upgraded = await runner.UpgradeChecksumsAsync(cancellationToken).ConfigureAwait(false);
                settings.Output.WriteLine($"Recorded checksum version 2 for {upgraded} migration(s).");
                return 0;
            })));
        repair.Subcommands.Add(RepairVerb("applied", "Records a failed non-transactional migration as applied, after a human finished it by hand",
            (runner, number, ct) => runner.ResolveAsync(number, MigrationResolution.Applied, ct), "Recorded migration {0} as applied."));
        repair.Subcommands.Add(RepairVerb("retry", "Deletes a failed non-transactional migration's row, after a human undid it, so migrate applies it again",
            (runner, number, ct) => runner.ResolveAsync(number, MigrationResolution.Retry, ct), "Deleted migration {0}'s row: migrate applies it again."));
        return Database(repair, takesLock: true);
    }

    private Command RepairChecksum()
    {
        var number = new Argument<int>("number") { Description = "The migration's number" };
        var force = new Option<bool>("--force") { Description = "Record it even though the edit changes what the database runs, or cannot be shown: you checked that the database has it" };
        var command = Verb(
            "checksum",
            "Records this build's checksum for an applied migration edited in a way the database does not see (a comment, formatting, keyword case), showing what changed",
            (parse, cancellationToken) => WithRunnerAsync(parse, async runner =>
            {
                var repair = await runner.RepairChecksumAsync(parse.GetValue(number), parse.GetValue(force), cancellationToken).ConfigureAwait(false);
                foreach (var change in repair.Changes)
                {
                    settings.Output.WriteLine($"  {change}");
                }

                settings.Output.WriteLine(!repair.RecordedSqlKnown
                    ? $"Recorded this build's checksum for migration {repair.MigrationId} (forced: the SQL it ran is not kept, so what changed cannot be shown)."
                    : repair.Changes.Count > 0
                        ? $"Recorded this build's checksum for migration {repair.MigrationId} (forced over {repair.Changes.Count} change(s) the database sees)."
                        : $"Recorded this build's checksum for migration {repair.MigrationId}: the statements are the same as when it ran.");
                return 0;
            }));
        command.Arguments.Add(number);
        command.Options.Add(force);
        return command;
    }

    private Command RepairVerb(string name, string description, Func<MigrationRunner, int, CancellationToken, Task> repair, string done)
    {
        var number = new Argument<int>("number") { Description = "The migration's number" };
        var command = Verb(name, description, (parse, cancellationToken) => WithRunnerAsync(parse, async runner =>
        {
            await repair(runner, parse.GetValue(number), cancellationToken).ConfigureAwait(false);
            settings.Output.WriteLine(string.Format(CultureInfo.InvariantCulture, done, parse.GetValue(number)));
            return 0;
        }));
        command.Arguments.Add(number);
        return command;
    }
}
