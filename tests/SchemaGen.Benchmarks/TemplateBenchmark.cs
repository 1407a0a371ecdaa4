using SchemaGen.Testing;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Benchmarks;

/// <summary>
/// A fresh migrated database per test: applying every migration to a new database, against cloning SchemaGen.Testing's template
/// of them (<c>CREATE DATABASE … TEMPLATE</c>), taking turns; and what the template costs once.
/// </summary>
internal static class TemplateBenchmark
{
    public static async Task RunAsync(IReadOnlyList<(string Name, IReadOnlyList<MigrationDescriptor> Migrations)> histories)
    {
        await using var server = await PostgresServer.StartAsync();
        Console.WriteLine("## A migrated database per test: applying every migration, against cloning the template");
        Console.WriteLine();
        Console.WriteLine("| history | migrations | apply to a new database | clone, copying files | ratio | clone, through the WAL (default) | ratio | template, once | drop a clone |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, migrations) in histories)
        {
            // The server is in shared memory, as MigratedDatabases' own throwaway server is; both ways of cloning are measured.
            var options = new MigratedDatabasesOptions { ConnectionString = server.ConnectionString(), DatabasePrefix = "bench" + migrations.Count, CloneByFileCopy = true };
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var copying = await MigratedDatabases.StartAsync(migrations, options);
            var template = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            options.CloneByFileCopy = false;
            await using var logging = await MigratedDatabases.StartAsync(migrations, options);

            // Taking turns, as the machine's speed drifts: each turn applies to a new database, or clones (leaving its empty one unused).
            var clones = new List<MigratedDatabase>();
            var costs = await FreshDatabases.MediansAsync(
                server,
                "apply" + migrations.Count,
                runs: 7,
                async dataSource => await new MigrationRunner(dataSource, migrations).RunAsync(),
                async _ => clones.Add(await copying.CreateAsync()),
                async _ => clones.Add(await logging.CreateAsync()));
            var (apply, copied, logged) = (costs[0].Wall, costs[1].Wall, costs[2].Wall);
            var drop = await Measure.MedianAsync(warmup: 0, runs: Math.Min(clones.Count, 21), async () =>
            {
                await clones[^1].DisposeAsync();
                clones.RemoveAt(clones.Count - 1);
            });
            foreach (var left in clones)
            {
                await left.DisposeAsync();
            }

            Console.WriteLine(
                $"| {name} | {migrations.Count} | {Measure.Ms(apply)} | {Measure.Ms(copied)} | {Measure.Ratio(apply, copied)} | {Measure.Ms(logged)} | {Measure.Ratio(apply, logged)} | " +
                $"{Measure.Ms(template)} | {Measure.Ms(drop)} |");
        }

        Console.WriteLine();
        Console.WriteLine("Ratio: how many times faster a test gets its database by cloning. The template is made once per set of migrations and kept by a");
        Console.WriteLine("server that persists (SCHEMAGEN_TEST_CONNECTION); on a throwaway server, once per test run.");
        Console.WriteLine();
    }

    /// <summary>Migrations as a real history's: a table with a key, a few columns and a default, and an index on it, per migration.</summary>
    public static MigrationDescriptor[] Generated(int count)
        => Enumerable.Range(1, count).Select(n =>
        {
            var sql = $"CREATE TABLE t{n} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now()); " +
                      $"CREATE INDEX t{n}_name ON t{n} (name);";
            return new MigrationDescriptor(n, $"step_{n}", $"Step {n}", true, SchemaGen.SqlParsing.SqlChecksum.Compute(sql, true), () => new SqlMigration(sql));
        }).ToArray();
}
