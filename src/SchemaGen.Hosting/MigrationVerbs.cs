using System.CommandLine;
using System.Globalization;
using Npgsql;

namespace SchemaGen.Hosting;

/// <summary>The verbs' command line and what each does.</summary>
internal sealed partial class MigrationVerbs(IReadOnlyList<MigrationDescriptor> migrations, MigrationCommandSettings settings)
{
    private const int Failed = 1;

    private readonly Option<string> _connection = new("--connection")
    {
        Description = $"The database's connection string; default: the {MigrationCommandSettings.ConnectionVariable} environment variable, then the app's own",
        Recursive = true,
    };

    private readonly Argument<int> _baselineNumber = new("number") { Description = "The last migration the database already holds" };

    private readonly Option<FileInfo> _targets = new("--targets")
    {
        Description = "The target list: a line per tenant, 'name<TAB>connection string', with '<TAB>schema' after it for a schema per tenant",
        Required = true,
    };

    private readonly Option<int> _parallel = new("--parallel") { Description = "How many targets at once", DefaultValueFactory = _ => 4 };

    private readonly Option<bool> _canary = new("--canary") { Description = "Migrate the first target alone first; stop if it fails" };

    private readonly Option<bool> _continueOnFailure = new("--continue-on-failure") { Description = "Keep starting targets after one failed" };

    public RootCommand Build()
    {
        var root = new RootCommand("SchemaGen: this app's migrations against a PostgreSQL database");
        root.Options.Add(_connection);
        root.Subcommands.Add(Verb("migrate", "Applies pending migrations, in order, logging each step", MigrateAsync));
        root.Subcommands.Add(Verb("status", "Lists every migration with its state, when it was applied and how long it took", StatusAsync));
        root.Subcommands.Add(Verb("verify", "Exits 0 when the database is up to date, 1 when migrations are pending, 2 when one failed or was edited after it ran", VerifyAsync));
        var baseline = Verb("baseline", "Records migrations 1 to <number> as applied without running them, on a database that has their schema but no ledger", BaselineAsync);
        baseline.Arguments.Add(_baselineNumber);
        root.Subcommands.Add(baseline);
        root.Subcommands.Add(Import());
        root.Subcommands.Add(Verb("script", "Prints the SQL the pending SQL migrations would run, each with its ledger row, for review; stops before a C# migration", ScriptAsync));
        root.Subcommands.Add(Repair());
        var tenants = Verb("tenants", "Migrates every target of a list (a database or a schema per tenant), several at once; processes given the same list share the work", TenantsAsync);
        tenants.Options.Add(_targets);
        tenants.Options.Add(_parallel);
        tenants.Options.Add(_canary);
        tenants.Options.Add(_continueOnFailure);
        root.Subcommands.Add(tenants);
        return root;
    }

    private static Command Verb(string name, string description, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        var command = new Command(name, description);
        command.SetAction(action);
        return command;
    }

    private Task<int> MigrateAsync(ParseResult parse, CancellationToken cancellationToken)
        => WithRunnerAsync(parse, async runner =>
        {
            var report = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
            settings.Output.WriteLine(report.Applied.Count == 0
                ? $"Up to date: {report.AlreadyApplied} migration(s) applied before, none pending."
                : $"Applied {report.Applied.Count} migration(s) in {report.Elapsed.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture)} s.");
            return 0;
        });

    private Task<int> StatusAsync(ParseResult parse, CancellationToken cancellationToken)
        => WithRunnerAsync(parse, async runner =>
        {
            StatusTable.Write(settings.Output, await runner.GetStatusAsync(cancellationToken).ConfigureAwait(false));
            return 0;
        });

    private Task<int> VerifyAsync(ParseResult parse, CancellationToken cancellationToken)
        => WithRunnerAsync(parse, async runner =>
        {
            var verification = await runner.VerifyAsync(cancellationToken).ConfigureAwait(false);
            settings.Output.WriteLine(verification.State switch
            {
                DatabaseState.UpToDate => "Up to date.",
                DatabaseState.Pending => $"{verification.Problems.Count} migration(s) pending:",
                _ => "Drifted: a migration failed, or was edited after it ran; a human has to look:",
            });
            foreach (var problem in verification.Problems)
            {
                settings.Output.WriteLine($"  {problem.Id}: {StatusTable.StateName(problem.State)}");
            }

            return verification.ExitCode;
        });

    /// <summary>Records migrations 1 to N as applied without running them, and applies nothing.</summary>
    private Task<int> BaselineAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var number = parse.GetValue(_baselineNumber);
        if (number < 1 || number > migrations.Count)
        {
            settings.Error.WriteLine($"baseline: {number} is not a migration of this build; give a number from 1 to {migrations.Count}.");
            return Task.FromResult(Failed);
        }

        return WithRunnerAsync(parse, async runner =>
        {
            await runner.BaselineAsync(number, cancellationToken).ConfigureAwait(false);
            var pending = migrations.Count - number;
            settings.Output.WriteLine($"Recorded migrations 1 to {number} as applied without running them (baseline); " +
                (pending == 0 ? "none is pending." : $"{pending} pending, which migrate applies."));
            return 0;
        });
    }

    private Task<int> ScriptAsync(ParseResult parse, CancellationToken cancellationToken)
        => WithRunnerAsync(parse, async runner =>
        {
            settings.Output.Write(await runner.ScriptAsync(cancellationToken).ConfigureAwait(false));
            return 0;
        });

    private Command Repair()
    {
        var repair = new Command("repair", "Fixes a ledger row by hand, under the migration lock");
        repair.Subcommands.Add(RepairChecksum());
        var checksums = Verb("checksums", "Records checksum version 2 for the SQL migrations an earlier release recorded with version 1, after verifying each", (parse, cancellationToken) =>
            WithRunnerAsync(parse, async runner =>
            {
                var upgraded = await runner.UpgradeChecksumsAsync(cancellationToken).ConfigureAwait(false);
                settings.Output.WriteLine($"Recorded checksum version 2 for {upgraded} migration(s).");
                return 0;
            }));
        repair.Subcommands.Add(checksums);
        repair.Subcommands.Add(RepairVerb("applied", "Records a failed non-transactional migration as applied, after a human finished it by hand",
            (runner, number, ct) => runner.ResolveAsync(number, MigrationResolution.Applied, ct), "Recorded migration {0} as applied."));
        repair.Subcommands.Add(RepairVerb("retry", "Deletes a failed non-transactional migration's row, after a human undid it, so migrate applies it again",
            (runner, number, ct) => runner.ResolveAsync(number, MigrationResolution.Retry, ct), "Deleted migration {0}'s row: migrate applies it again."));
        return repair;
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

    private async Task<int> TenantsAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        IReadOnlyList<MigrationTarget> targets;
        try
        {
            targets = MigrationTargetFile.Parse(await File.ReadAllLinesAsync(parse.GetValue(_targets)!.FullName, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            settings.Error.WriteLine($"tenants: {e.Message}");
            return Failed;
        }

        var options = new TenantMigrationOptions
        {
            MaxParallelism = Math.Max(1, parse.GetValue(_parallel)),
            CanaryFirst = parse.GetValue(_canary),
            ContinueOnFailure = parse.GetValue(_continueOnFailure),
            RunnerOptions = settings.RunnerOptions ?? new MigrationRunnerOptions(),
            CreateDataSource = settings.CreateDataSource,
        };
        var report = await new TenantMigrator(migrations, options, new TextWriterLogger(settings.Output, settings.Error)).RunAsync(targets, cancellationToken).ConfigureAwait(false);
        return report.Succeeded ? 0 : Failed;
    }

    /// <summary>Runs <paramref name="action"/> with a runner of the app's migrations and options on the verb's database.</summary>
    private Task<int> WithRunnerAsync(ParseResult parse, Func<MigrationRunner, Task<int>> action)
        => WithRunnerAsync(parse, migrations, settings.RunnerOptions, action);

    /// <summary>Runs <paramref name="action"/> with a runner on the verb's database; a SchemaGen error becomes exit code 1 and its message.</summary>
    private async Task<int> WithRunnerAsync(
        ParseResult parse, IReadOnlyList<MigrationDescriptor> list, MigrationRunnerOptions? options, Func<MigrationRunner, Task<int>> action)
    {
        var connectionString = parse.GetValue(_connection)
            ?? Environment.GetEnvironmentVariable(MigrationCommandSettings.ConnectionVariable)
            ?? settings.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            settings.Error.WriteLine($"No database: pass --connection \"Host=…;Database=…\", or set {MigrationCommandSettings.ConnectionVariable}.");
            return Failed;
        }

        try
        {
            await using var dataSource = settings.CreateDataSource(connectionString);
            var named = options?.Copy() ?? new MigrationRunnerOptions();
            named.CommandName = settings.AppName;
            return await action(new MigrationRunner(dataSource, list, named, new TextWriterLogger(settings.Output, settings.Error))).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MigrationException or NpgsqlException or ArgumentException or InvalidOperationException)
        {
            settings.Error.WriteLine(e.Message);
            return Failed;
        }
    }
}
