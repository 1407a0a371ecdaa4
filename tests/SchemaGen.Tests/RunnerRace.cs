using Npgsql;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>Many runners started at the same moment, each on a data source of its own, as separate processes would be.</summary>
internal static class RunnerRace
{
    /// <summary>The table <see cref="FiftyMigrations"/> record into, one row per application, with the backend that ran it.</summary>
    public const string ApplicationsTable = "CREATE TABLE applications (number int NOT NULL, pid int NOT NULL DEFAULT pg_backend_pid())";

    /// <summary>50 migrations that each record their number in <c>applications</c>; number 25 also builds an index concurrently.</summary>
    public static MigrationDescriptor[] FiftyMigrations()
        => Enumerable.Range(1, 50).Select(n => n == 25
            ? Sql(n, "concurrent_index", "CREATE INDEX CONCURRENTLY idx_applications ON applications (number); INSERT INTO applications (number) VALUES (25)", transactional: false)
            : Sql(n, $"step_{n}", $"CREATE TABLE t{n} (id int); INSERT INTO applications (number) VALUES ({n})")).ToArray();

    /// <summary>Starts <paramref name="runners"/> runners at once against <paramref name="connectionString"/> and returns their reports.</summary>
    public static async Task<MigrationRunReport[]> RunAtOnceAsync(string connectionString, int runners, MigrationDescriptor[] migrations, MigrationRunnerOptions options)
    {
        var dataSources = Enumerable.Range(0, runners).Select(_ => NpgsqlDataSource.Create(connectionString)).ToArray();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var runs = dataSources.Select(dataSource => Task.Run(async () =>
            {
                await start.Task;
                return await new MigrationRunner(dataSource, migrations, options).RunAsync();
            })).ToArray();
            start.SetResult();
            return await Task.WhenAll(runs);
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }
}
