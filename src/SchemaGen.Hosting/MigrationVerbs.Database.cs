using System.CommandLine;
using System.Globalization;
using SchemaGen.Hosting.Output;

namespace SchemaGen.Hosting;

/// <summary>The verbs that apply, list and check migrations.</summary>
internal sealed partial class MigrationVerbs
{
    private Task<int> MigrateAsync(ParseResult parse, CancellationToken cancellationToken)
        => WithRunnerAsync(parse, async runner =>
        {
            var report = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
            if (Json(parse))
            {
                VerbOutput.Write(settings.Output, VerbOutput.Migrate(report), VerbJson.Default.MigrateOutput);
                return 0;
            }

            var repeatables = report.Applied.Count(applied => applied.Migration.IsRepeatable);
            var numbered = report.Applied.Count - repeatables;
            settings.Output.WriteLine(report.Applied.Count == 0
                ? $"Up to date: {report.AlreadyApplied} migration(s) applied before, none pending."
                : $"Applied {numbered} migration(s){(repeatables == 0 ? "" : $" and {repeatables} repeatable one(s)")} in {report.Elapsed.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture)} s.");
            return 0;
        });

    private Task<int> StatusAsync(ParseResult parse, CancellationToken cancellationToken)
        => WithRunnerAsync(parse, async runner =>
        {
            var statuses = await runner.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            if (Json(parse))
            {
                VerbOutput.Write(settings.Output, VerbOutput.Status(statuses), VerbJson.Default.StatusOutput);
            }
            else
            {
                StatusTable.Write(settings.Output, statuses);
            }

            return 0;
        });

    private readonly Option<bool> _schema = new("--schema")
    {
        Description = "Also compare the tables, columns, constraints, indexes and types with the schema the migrations build; exits 3 when they differ",
    };

    private Command Verify()
    {
        var verify = Verb(
            "verify",
            "Exits 0 when the database is up to date, 1 when migrations are pending, 2 when one failed or was edited after it ran (--schema: 3 when the schema drifted)",
            VerifyAsync);
        verify.Options.Add(_schema);
        return verify;
    }

    private Task<int> VerifyAsync(ParseResult parse, CancellationToken cancellationToken)
        => WithRunnerAsync(parse, async runner =>
        {
            var verification = await runner.VerifyAsync(cancellationToken).ConfigureAwait(false);
            var schema = parse.GetValue(_schema) ? await runner.VerifySchemaAsync(cancellationToken).ConfigureAwait(false) : null;
            var exitCode = verification.ExitCode != 0 || schema is null ? verification.ExitCode : schema.ExitCode;
            if (Json(parse))
            {
                VerbOutput.Write(settings.Output, VerbOutput.Verify(verification, schema, exitCode), VerbJson.Default.VerifyOutput);
                return exitCode;
            }

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

            if (schema is not null)
            {
                WriteSchema(schema);
            }

            return exitCode;
        });

    private void WriteSchema(SchemaVerification schema)
    {
        var unknown = schema.UnknownObjects == 0 ? "" : $"; {schema.UnknownObjects} the compiler could not follow, not compared";
        settings.Output.WriteLine(schema.IsClean
            ? $"Schema: as the migrations build it ({schema.ObjectsCompared} objects compared{unknown})."
            : $"Schema drifted: {schema.Differences.Count} difference(s) from what the migrations build ({schema.ObjectsCompared} objects compared{unknown}):");
        foreach (var drift in schema.Differences)
        {
            settings.Output.WriteLine($"  {drift}");
        }
    }

    /// <summary>Records migrations 1 to N as applied without running them, and applies nothing.</summary>
    private Command Baseline()
    {
        var number = new Argument<int>("number") { Description = "The last migration the database already holds" };
        var baseline = Verb(
            "baseline",
            "Records migrations 1 to <number> as applied without running them, on a database that has their schema but no ledger",
            (parse, cancellationToken) =>
            {
                var last = parse.GetValue(number);
                if (last < 1 || last > migrations.Count)
                {
                    return Task.FromResult(Fail(parse, $"{last} is not a migration of this build; give a number from 1 to {migrations.Count}.", migration: null));
                }

                return WithRunnerAsync(parse, async runner =>
                {
                    await runner.BaselineAsync(last, cancellationToken).ConfigureAwait(false);
                    var pending = migrations.Count - last;
                    settings.Output.WriteLine($"Recorded migrations 1 to {last} as applied without running them (baseline); " +
                        (pending == 0 ? "none is pending." : $"{pending} pending, which migrate applies."));
                    return 0;
                });
            });
        baseline.Arguments.Add(number);
        return Database(baseline, takesLock: true);
    }
}
