using System.CommandLine;
using SchemaGen.Hosting.Output;

namespace SchemaGen.Hosting;

/// <summary>The script verb: the SQL a run would send, for a person to review and run with psql.</summary>
internal sealed partial class MigrationVerbs
{
    private readonly Option<int?> _scriptFrom = new("--from")
    {
        Description = "Script from this migration, as if the database had every one before it and no other; needs no database (from 1: an empty database)",
    };

    private readonly Option<int?> _scriptTo = new("--to") { Description = "Script up to this migration; default the last. With --revert: keep migrations 1 to this one" };

    private readonly Option<bool> _scriptRevert = new("--revert") { Description = "Script what the revert verb would run (with --to as it takes it): each down, newest first, removing its ledger row" };

    private Command Script()
    {
        var script = Verb(
            "script",
            "Prints the SQL that applying the pending migrations (or --from N) would send, with the ledger's set-up and each ledger row, for psql; " +
            "stops before a C# migration whose SQL is decided as it runs",
            ScriptAsync);
        script.Options.Add(_scriptFrom);
        script.Options.Add(_scriptTo);
        script.Options.Add(_scriptRevert);
        return Database(script, withOutput: true);
    }

    private async Task<int> ScriptAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var from = parse.GetValue(_scriptFrom);
        var to = parse.GetValue(_scriptTo);
        if (parse.GetValue(_scriptRevert))
        {
            if (from is not null)
            {
                return Fail(parse, "--revert scripts what a database has applied, so it reads the database: leave out --from.", migration: null);
            }

            return await WithRunnerAsync(parse, async runner => WriteScript(parse, await runner.ScriptRevertAsync(to, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        }

        if (from is { } first && (first < 1 || first > migrations.Count))
        {
            return Fail(parse, $"--from {first} is not a migration of this build; give a number from 1 to {migrations.Count}.", migration: null);
        }

        if (to is { } last && (last < (from ?? 1) || last > migrations.Count))
        {
            return Fail(parse, $"--to {last} is not a migration of this build from {from ?? 1} on; give a number from {from ?? 1} to {migrations.Count}.", migration: null);
        }

        if (from is { } offline)
        {
            return WriteScript(parse, MigrationScript.From(migrations, offline, to, settings.RunnerOptions));
        }

        return await WithRunnerAsync(parse, async runner => WriteScript(parse, await runner.ScriptAsync(to, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
    }

    private int WriteScript(ParseResult parse, MigrationScript script)
    {
        if (Json(parse))
        {
            VerbOutput.Write(settings.Output, VerbOutput.Script(script), VerbJson.Default.ScriptOutput);
        }
        else
        {
            settings.Output.Write(script.Sql);
        }

        if (script.StoppedAt is { } stopped)
        {
            settings.Error.WriteLine(
                $"script: stopped before {stopped.Id}, a C# migration whose SQL is decided as it runs; the script leaves out it and the {script.NotScripted - 1} migration(s) after it, " +
                $"which '{settings.AppName} {(parse.GetValue(_scriptRevert) ? "revert" : "migrate")}' {(parse.GetValue(_scriptRevert) ? "reverts" : "applies")}.");
        }

        return 0;
    }
}
