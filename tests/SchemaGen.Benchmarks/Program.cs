using SchemaGen.Benchmarks;

// Benchmarks print figures and ratios; they assert nothing about time.
// Usage: dotnet run -c Release --project tests/SchemaGen.Benchmarks [-- generator|runtime|autoschema|all]
var which = args.Length > 0 ? args[0] : "all";
Console.WriteLine($"# SchemaGen benchmarks ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription})");
Console.WriteLine();

if (which is "generator" or "all")
{
    GeneratorBenchmark.Run(migrationCount: 1000);
}

if (which is "runtime" or "all")
{
    await RuntimeBenchmark.RunAsync(migrationCount: 1000);
}

if (which is "autoschema" or "all")
{
    await AutoSchemaBenchmark.RunAsync(tableCount: 100);
}
