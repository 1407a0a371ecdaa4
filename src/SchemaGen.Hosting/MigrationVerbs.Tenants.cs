using System.CommandLine;

namespace SchemaGen.Hosting;

/// <summary>The tenants verb: many databases or schemas, several at once.</summary>
internal sealed partial class MigrationVerbs
{
    private Command Tenants()
    {
        var targets = new Option<FileInfo>("--targets")
        {
            Description = "The target list: a line per tenant, 'name<TAB>connection string', with '<TAB>schema' after it for a schema per tenant",
            Required = true,
        };
        var parallel = new Option<int>("--parallel") { Description = "How many targets at once", DefaultValueFactory = _ => 4 };
        var canary = new Option<bool>("--canary") { Description = "Migrate the first target alone first; stop if it fails" };
        var continueOnFailure = new Option<bool>("--continue-on-failure") { Description = "Keep starting targets after one failed" };
        var tenants = Verb(
            "tenants",
            "Migrates every target of a list (a database or a schema per tenant), several at once; processes given the same list share the work",
            async (parse, cancellationToken) =>
            {
                IReadOnlyList<MigrationTarget> list;
                try
                {
                    list = MigrationTargetFile.Parse(await File.ReadAllLinesAsync(parse.GetValue(targets)!.FullName, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
                {
                    return Fail(parse, e.Message, migration: null);
                }

                var options = new TenantMigrationOptions
                {
                    MaxParallelism = Math.Max(1, parse.GetValue(parallel)),
                    CanaryFirst = parse.GetValue(canary),
                    ContinueOnFailure = parse.GetValue(continueOnFailure),
                    RunnerOptions = settings.RunnerOptions ?? new MigrationRunnerOptions(),
                    CreateDataSource = settings.CreateDataSource,
                };
                var logger = new TextWriterLogger(settings.Output, settings.Error);
                var report = await new TenantMigrator(migrations, options, logger).RunAsync(list, cancellationToken).ConfigureAwait(false);
                return report.Succeeded ? 0 : Failed;
            });
        tenants.Options.Add(targets);
        tenants.Options.Add(parallel);
        tenants.Options.Add(canary);
        tenants.Options.Add(continueOnFailure);
        return tenants;
    }
}
