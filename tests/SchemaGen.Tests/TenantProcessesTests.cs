using System.Text.RegularExpressions;
using Npgsql;
using Xunit.Abstractions;

namespace SchemaGen.Tests;

/// <summary>
/// Horizontal scale without a coordinator: four processes of an app with 20 migrations, each given the same 200
/// databases (as a Kubernetes Job with parallelism 4 would be), share the work through each database's own lock.
/// </summary>
public class TenantProcessesTests(ITestOutputHelper log)
{
    private const int Databases = 200;
    private const int Migrations = 20;
    private const int Processes = 4;

    [Fact]
    public async Task Four_processes_given_the_same_200_databases_apply_each_migration_exactly_once()
    {
        var connectionStrings = new string[Databases];
        await Parallel.ForAsync(0, Databases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            connectionStrings[i] = await TestDatabase.CreateConnectionStringAsync());
        var targets = Path.GetTempFileName();
        await File.WriteAllLinesAsync(targets, connectionStrings.Select((connectionString, i) => $"tenant{i + 1}\t{connectionString}"));
        try
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, Processes).Select(_ =>
                ChildProcess.RunAsync("dotnet", [AppPath(), "tenants", "--targets", targets, "--parallel", "4"])));

            Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Output));
            var migratedByEach = runs.Select(run => int.Parse(Regex.Match(run.Output, $@"{Databases} target\(s\): (\d+) migrated, (\d+) up to date, 0 failed").Groups[1].Value)).ToArray();
            log.WriteLine($"Databases migrated by each process: {string.Join(", ", migratedByEach)}");
            Assert.Equal(Databases, migratedByEach.Sum());
            Assert.True(migratedByEach.Count(count => count > 0) >= 2, $"One process did all the work: {string.Join(", ", migratedByEach)}");

            foreach (var connectionString in connectionStrings)
            {
                await using var db = NpgsqlDataSource.Create(connectionString);
                Assert.Equal(
                    $"{Migrations} {Migrations} 1 {Migrations}",
                    await db.ScalarAsync<string>(
                        "SELECT count(*) || ' ' || count(DISTINCT number) || ' ' || count(DISTINCT applied_by) || ' ' || (SELECT count(*) FROM schema_migrations WHERE status = 'applied') FROM applications"));
            }
        }
        finally
        {
            File.Delete(targets);
        }
    }

    private static string AppPath() => Repository.BuildOutput("tests/SchemaGen.TenantApp", "SchemaGen.TenantApp.dll");
}
