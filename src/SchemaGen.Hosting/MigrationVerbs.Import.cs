using System.CommandLine;

namespace SchemaGen.Hosting;

/// <summary>The import verb: takes over another tool's history, after showing how it maps.</summary>
internal sealed partial class MigrationVerbs
{
    private readonly Argument<string> _importSource = new Argument<string>("tool") { Description = "The tool whose history to take over: sqlx or flyway" }
        .AcceptOnlyFromAmong("sqlx", "flyway");

    private readonly Option<string> _importTable = new("--table") { Description = "Its history table, as PostgreSQL resolves a name; default _sqlx_migrations or flyway_schema_history" };

    private readonly Option<FileInfo> _importMapping = new("--mapping")
    {
        Description = "A file of 'VERSION NUMBER' lines (or 'VERSION skip') mapping rows the default rule does not: sqlx by name, Flyway version N to migration N",
    };

    private readonly Option<int[]> _importAccept = new("--accept")
    {
        Description = "A migration number whose name, checksum or order difference you checked and accept; repeat for more",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<bool> _importDryRun = new("--dry-run") { Description = "Print the mapping and every difference; record nothing" };

    private Command Import()
    {
        var import = Verb(
            "import",
            "Records the migrations another tool applied (sqlx, Flyway) as applied, matching each row by its version and comparing checksums; any difference refuses it all",
            ImportAsync);
        import.Arguments.Add(_importSource);
        import.Options.Add(_importTable);
        import.Options.Add(_importMapping);
        import.Options.Add(_importAccept);
        import.Options.Add(_importDryRun);
        return Database(import, takesLock: true);
    }

    private async Task<int> ImportAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = settings.RunnerOptions?.Copy() ?? new MigrationRunnerOptions();
        options.ImportHistoryFrom = parse.GetValue(_importSource) == "sqlx" ? MigrationHistorySource.Sqlx : MigrationHistorySource.Flyway;
        options.ImportHistoryTable = parse.GetValue(_importTable) ?? options.ImportHistoryTable;
        options.ImportAcceptedDifferences = parse.GetValue(_importAccept) ?? [];
        if (parse.GetValue(_importMapping) is { } file)
        {
            try
            {
                options.ImportHistoryMapping = ImportMappingFile.Parse(await File.ReadAllLinesAsync(file.FullName, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                return Fail(parse, $"{file.Name}: {e.Message}", migration: null);
            }
        }

        return await WithRunnerAsync(parse, options, async runner =>
        {
            var plan = await runner.PlanHistoryImportAsync(cancellationToken).ConfigureAwait(false);
            ImportPlanTable.Write(settings.Output, plan);
            if (parse.GetValue(_importDryRun))
            {
                settings.Output.WriteLine(plan.CanImport
                    ? $"Dry run: the import would record migrations 1 to {plan.MigrationCount} as applied without running them. Nothing was recorded."
                    : $"Dry run: {plan.Differences.Count} difference(s) refuse the import. Nothing was recorded.");
                return plan.CanImport ? 0 : Failed;
            }

            var recorded = await runner.ImportHistoryAsync(cancellationToken).ConfigureAwait(false);
            settings.Output.WriteLine($"Recorded {recorded} migration(s) from the {plan.Source} history as applied without running them; migrate applies the rest.");
            return 0;
        }).ConfigureAwait(false);
    }
}
