using System.Text;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Benchmarks;

/// <summary>
/// Whole-process start-up: one app with N generated migrations, built JIT and published Native AOT, started as a new process
/// against an up-to-date database. The floor is the same binary opening a connection and running <c>SELECT 1</c>; the
/// app reports its own peak working set, so the difference is what SchemaGen costs at start-up.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task RunAsync(int[] sizes, bool nativeAot)
    {
        await using var server = await PostgresServer.StartAsync();
        Console.WriteLine("## Whole-process start-up against an up-to-date database (new process per run)");
        Console.WriteLine();
        Console.WriteLine("| migrations | build | floor: open + `SELECT 1` | no-op `RunAsync` | ratio | floor peak memory | no-op peak memory | extra |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var app = WriteApp(size);
            var connectionString = await server.CreateDatabaseAsync($"startup_{size}");
            var builds = new List<(string Name, string Binary)> { ("JIT", await BuildAsync(app, aot: false)) };
            if (nativeAot)
            {
                builds.Add(("Native AOT", await BuildAsync(app, aot: true)));
            }

            await RunAppAsync(builds[0].Binary, "migrate", connectionString);
            foreach (var (name, binary) in builds)
            {
                var floor = new List<(double Ms, long Peak)>();
                var noOp = new List<(double Ms, long Peak)>();
                for (var run = 0; run < (Measure.Smoke ? 2 : 21); run++)
                {
                    floor.Add(await RunAppAsync(binary, "floor", connectionString));
                    noOp.Add(await RunAppAsync(binary, "migrate", connectionString));
                }

                var (floorMs, floorPeak) = Medians(floor.Skip(1));
                var (noOpMs, noOpPeak) = Medians(noOp.Skip(1));
                Console.WriteLine(
                    $"| {size:N0} | {name} | {floorMs:F1} ms | {noOpMs:F1} ms | {noOpMs / floorMs:F2}× | {Mb(floorPeak)} | {Mb(noOpPeak)} | {Mb(noOpPeak - floorPeak)} |");
            }
        }

        Console.WriteLine();
    }

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):F1} MB";

    private static (double Ms, long Peak) Medians(IEnumerable<(double Ms, long Peak)> runs)
    {
        var list = runs.ToList();
        return (list.Select(r => r.Ms).Order().ElementAt(list.Count / 2), list.Select(r => r.Peak).Order().ElementAt(list.Count / 2));
    }

    /// <summary>Starts the app and returns its wall time, from process start to exit, and the peak working set it reported.</summary>
    private static async Task<(double Ms, long Peak)> RunAppAsync(string binary, string mode, string connectionString)
    {
        var (output, elapsed) = await ChildProcess.RunAsync(binary, [mode, connectionString]);
        return long.TryParse(output.Trim(), out var peak)
            ? (elapsed.TotalMilliseconds, peak)
            : throw new InvalidOperationException($"{binary} {mode} printed no peak working set: {output}");
    }

    private static async Task<string> BuildAsync(string app, bool aot)
    {
        var output = Path.Combine(app, aot ? "aot" : "jit");
        await ChildProcess.RunAsync("dotnet", aot
            ? ["publish", app, "-c", "Release", "-r", "linux-x64", "-o", output]
            : ["build", app, "-c", "Release", "-o", output]);
        return Path.Combine(output, "StartupApp");
    }

    /// <summary>Writes the app under the benchmark's build output, inside the repository so its package versions apply.</summary>
    private static string WriteApp(int migrationCount)
    {
        var root = Repository.Root();
        var app = Path.Combine(root, "tests", "SchemaGen.Benchmarks", "bin", "startup", $"app{migrationCount}");
        Directory.CreateDirectory(app);
        var source = Path.Combine(root, "src");
        File.WriteAllText(Path.Combine(app, "StartupApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
                <InvariantGlobalization>true</InvariantGlobalization>
                <PublishAot>true</PublishAot>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Npgsql" />
                <ProjectReference Include="{source}/SchemaGen/SchemaGen.csproj" />
                <ProjectReference Include="{source}/SchemaGen.Generator/SchemaGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Npgsql;
            using SchemaGen;

            await using var dataSource = NpgsqlDataSource.Create(args[1]);
            if (args[0] == "floor")
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync();
            }
            else
            {
                await new MigrationRunner(dataSource, SchemaGen.Generated.MigrationRegistry.All).RunAsync();
            }

            System.Console.WriteLine(System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64);
            """);
        var migrations = new StringBuilder("using System.Threading;\nusing System.Threading.Tasks;\nusing SchemaGen;\n\nnamespace StartupApp.Migrations;\n");
        for (var n = 1; n <= migrationCount; n++)
        {
            migrations.Append($$"""

                [Migration({{n}}, "step_{{n}}")]
                internal sealed class Step{{n}} : Migration
                {
                    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => context.ExecuteAsync("SELECT {{n}}", cancellationToken);
                }

                """);
        }

        File.WriteAllText(Path.Combine(app, "Migrations.cs"), migrations.ToString());
        return app;
    }
}
