using System.Globalization;
using Npgsql;
using SchemaGen.Comparison;
using SchemaGen.ThrowawayPostgres;

// SchemaGen against the tools users would pick instead, on one throwaway PostgreSQL, in one run.
// Prints markdown tables with medians and ratios; asserts nothing about time.
var root = RepositoryRoot();
int[] sets = [100, 1000];
var wholeProcessRuns = 10;
string[] noopTools = ["floor", "schemagen", "efcore", "fluentmigrator", "dbup", "evolve"];
string[] applyTools = ["raw", "schemagen", "efcore", "fluentmigrator", "dbup", "evolve"];

var contendersProject = Path.Combine(root, "tests", "SchemaGen.Comparison.Contenders");
MigrationSources.Write(Path.Combine(contendersProject, "Generated"), sets);
var work = Path.Combine(Path.GetTempPath(), "schemagen-comparison-" + Guid.NewGuid().ToString("N")[..8]);
var programs = new Dictionary<int, (string Jit, string Aot)>();
foreach (var count in sets)
{
    Console.Error.WriteLine($"Building the contenders (JIT) and SchemaGen alone (Native AOT) with a {count}-migration registry…");
    var jitOutput = Path.Combine(work, $"jit{count}");
    var aotOutput = Path.Combine(work, $"aot{count}");
    await ChildProcess.RunAsync("dotnet", "build", contendersProject, "-c", "Release", $"-p:SchemaGenSet={count}", "-o", jitOutput);
    await ChildProcess.RunAsync("dotnet", "publish", Path.Combine(root, "tests", "SchemaGen.Comparison.Aot"), "-c", "Release", "-r", "linux-x64", $"-p:SchemaGenSet={count}", "-o", aotOutput);
    programs[count] = (Path.Combine(jitOutput, "SchemaGen.Comparison.Contenders"), Path.Combine(aotOutput, "SchemaGen.Comparison.Aot"));
}

await using var server = await PostgresServer.StartAsync();
var admin = server.ConnectionString();
var inProcess = new Dictionary<(string Tool, int Count), double>();
var wholeProcess = new Dictionary<(string Tool, int Count), double>();
var apply = new Dictionary<(string Tool, int Count), double>();

foreach (var count in sets)
{
    var (jit, aot) = programs[count];
    foreach (var tool in noopTools)
    {
        Console.Error.WriteLine($"no-op, {count} migrations: {tool}");
        inProcess[(tool, count)] = ChildProcess.MedianFrom((await ChildProcess.RunAsync(jit, "noop", tool, count.ToString(CultureInfo.InvariantCulture), admin)).Output);
        wholeProcess[(tool, count)] = await WholeProcessAsync(jit, jit, tool, count);
    }

    foreach (var tool in new[] { "floor", "schemagen" })
    {
        Console.Error.WriteLine($"no-op, {count} migrations: {tool} (Native AOT)");
        wholeProcess[(tool + "-aot", count)] = await WholeProcessAsync(aot, jit, tool, count);
    }

    foreach (var tool in applyTools)
    {
        Console.Error.WriteLine($"apply, {count} migrations: {tool}");
        apply[(tool, count)] = ChildProcess.MedianFrom((await ChildProcess.RunAsync(jit, "apply", tool, count.ToString(CultureInfo.InvariantCulture), admin)).Output);
    }
}

Report.Print(sets, inProcess, wholeProcess, apply, wholeProcessRuns);
Directory.Delete(work, recursive: true);

Console.Error.WriteLine("generator, 1000 migrations");
var generator = await ChildProcess.RunAsync("dotnet", "run", "-c", "Release", "--project", Path.Combine(root, "tests", "SchemaGen.Benchmarks"), "--", "generator");
Console.WriteLine();
Console.WriteLine(generator.Output[generator.Output.IndexOf("## Generator", StringComparison.Ordinal)..].TrimEnd());
return;

// Median wall time of whole processes that each find the database up to date (after one that migrated it).
async Task<double> WholeProcessAsync(string program, string setupProgram, string tool, int count)
{
    var database = "w_" + Guid.NewGuid().ToString("N")[..12];
    await using (var connection = new NpgsqlConnection(admin))
    {
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
        await create.ExecuteNonQueryAsync();
    }

    var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
    var countText = count.ToString(CultureInfo.InvariantCulture);
    // A new server process on a database with N tables starts slower than on an empty one: the floor gets the same N tables.
    await ChildProcess.RunAsync(tool == "floor" ? setupProgram : program, "once", tool == "floor" ? "raw" : tool, countText, connectionString);
    var times = new List<double>();
    for (var i = 0; i < wholeProcessRuns; i++)
    {
        times.Add((await ChildProcess.RunAsync(program, "once", tool, countText, connectionString)).Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return times[times.Count / 2];
}

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (!File.Exists(Path.Combine(directory.FullName, "SchemaGen.sln")))
    {
        directory = directory.Parent ?? throw new InvalidOperationException("SchemaGen.sln not found above the program.");
    }

    return directory.FullName;
}
