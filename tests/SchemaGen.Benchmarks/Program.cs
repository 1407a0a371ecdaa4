using SchemaGen.Benchmarks;

// Benchmarks print figures and ratios; they assert nothing about time.
// Usage: dotnet run -c Release --project tests/SchemaGen.Benchmarks [-- generator|runtime|apply|instructions|startup|tenants|autoschema|sqlfiles|history|templates|lint|all] [--smoke]
// --smoke runs every benchmark at small sizes and few repetitions, so CI notices one that no longer runs; its figures mean nothing.
var smoke = args.Contains("--smoke");
var which = args.FirstOrDefault(arg => !arg.StartsWith("--", StringComparison.Ordinal)) ?? "all";
Measure.Smoke = smoke;
Console.WriteLine($"# SchemaGen benchmarks ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}){(smoke ? " — smoke run, figures not meaningful" : "")}");
Console.WriteLine();

if (which is "generator" or "all")
{
    GeneratorBenchmark.Run(migrationCount: smoke ? 50 : 1000);
}

if (which is "runtime" or "all")
{
    await RuntimeBenchmark.RunAsync(migrationCount: smoke ? 120 : 1000);
}

if (which is "apply")
{
    await RuntimeBenchmark.ApplyOnlyAsync(migrationCount: smoke ? 120 : 1000);
}

if (which is "instructions" or "all")
{
    await ServerInstructionsBenchmark.RunAsync(smaller: smoke ? 3 : 100, larger: smoke ? 8 : 300);
}

if (which is "startup" or "all")
{
    await StartupBenchmark.RunAsync(smoke ? [20] : [1000, 10_000], nativeAot: true);
}

if (which is "tenants" or "all")
{
    await TenantBenchmark.RunAsync(databaseCount: smoke ? 6 : 200, migrationCount: smoke ? 3 : 20);
}

if (which is "autoschema" or "all")
{
    await AutoSchemaBenchmark.RunAsync(tableCount: smoke ? 5 : 100);
}

if (which is "sqlfiles" or "all")
{
    await SqlFileBenchmark.RunAsync(migrationCount: smoke ? 20 : 1000, Repository.Root());
}

if (which is "history" or "all")
{
    await HistoryBenchmark.RunAsync(migrationCount: smoke ? 20 : 1000);
}

if (which is "templates" or "all")
{
    var histories = new List<(string, IReadOnlyList<SchemaGen.MigrationDescriptor>)>();
    if (!smoke && SchemaGen.Corpus.Corpus.Migrations.Count > 0)
    {
        histories.Add(("Lemmy (the corpus)", SchemaGen.Corpus.Corpus.Migrations));
    }

    foreach (var (name, count) in smoke ? [("generated", 20)] : (List<(string, int)>)[("generated", 346), ("generated", 1000)])
    {
        histories.Add((name, TemplateBenchmark.Generated(count)));
    }

    await TemplateBenchmark.RunAsync(histories);
}

if (which is "lint" or "all")
{
    await LintBenchmark.RunAsync(migrationCount: smoke ? 20 : 1000, Repository.Root());
}
