using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SchemaGen.Ledger;
using SchemaGen.SqlParsing;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Benchmarks;

/// <summary>
/// What a trustworthy history costs: keeping each SQL migration's text (Brotli) in the ledger, the start-up of a ledger an
/// earlier release wrote (checksum version 1) before and after <c>repair checksums</c>, and planning an import of a sqlx history.
/// </summary>
internal static class HistoryBenchmark
{
    public static async Task RunAsync(int migrationCount)
    {
        await using var server = await PostgresServer.StartAsync();
        var sql = Enumerable.Range(1, migrationCount).Select(Ddl).ToArray();
        var version2 = sql.Select(text => SqlChecksum.Compute(text, transactional: true)).ToArray();
        var version1 = sql.Select(text => SqlChecksum.Compute(text, transactional: true, version: 1)).ToArray();

        var compress = Measure.Median(warmup: 3, runs: 21, () =>
        {
            foreach (var text in sql)
            {
                AppliedSql.Compress(text);
            }
        });
        var plainBytes = sql.Sum(text => Encoding.UTF8.GetByteCount(text));
        var keptBytes = sql.Sum(text => AppliedSql.Compress(text).Length);

        // The same SQL as a C# migration keeps no text: the difference is the kept SQL's cost.
        var applied = await FreshDatabases.MediansAsync(
            server,
            "history_apply",
            runs: 5,
            db => new MigrationRunner(db, Build(sql, version2)).RunAsync(),
            db => new MigrationRunner(db, Build(sql, version2, asCode: true)).RunAsync());

        await using var ledger = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("history_v1"));
        await new MigrationRunner(ledger, Build(sql, version1)).RunAsync();
        // A new descriptor list per run, as a process starting: each computes its version-1 checksums once.
        var beforeUpgrade = await Measure.MedianAsync(warmup: 3, runs: 31, () => new MigrationRunner(ledger, Build(sql, version2)).RunAsync());
        var upgrade = System.Diagnostics.Stopwatch.StartNew();
        var upgraded = await new MigrationRunner(ledger, Build(sql, version2)).UpgradeChecksumsAsync();
        upgrade.Stop();
        var afterUpgrade = await Measure.MedianAsync(warmup: 3, runs: 31, () => new MigrationRunner(ledger, Build(sql, version2)).RunAsync());
        if (upgraded != migrationCount)
        {
            throw new InvalidOperationException($"repair checksums re-recorded {upgraded} of {migrationCount} rows");
        }

        await using var foreign = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("history_sqlx"));
        await WriteSqlxHistoryAsync(foreign, sql);
        var import = new MigrationRunner(foreign, Build(sql, version2), new MigrationRunnerOptions { ImportHistoryFrom = MigrationHistorySource.Sqlx });
        var plan = await Measure.MedianAsync(warmup: 2, runs: 15, () => import.PlanHistoryImportAsync());
        if (!(await import.PlanHistoryImportAsync()).CanImport)
        {
            throw new InvalidOperationException("the generated sqlx history does not import");
        }

        Console.WriteLine($"## History: the ledger's kept SQL, a ledger of an earlier release, an import ({migrationCount} SQL-file migrations)");
        Console.WriteLine();
        Console.WriteLine("| what | median | ratio |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| Brotli (quality 5) of every file, {plainBytes / 1024.0:F0} KB to {keptBytes / 1024.0:F0} KB kept | {Measure.Ms(compress)} | {keptBytes / (double)plainBytes:F2} of the size |");
        Console.WriteLine($"| applying them all as SQL files, the text kept in the ledger | {Measure.Ms(applied[0].Wall)} | {Measure.Ratio(applied[0].Wall, applied[1].Wall)} |");
        Console.WriteLine($"| applying the same SQL as C# migrations (nothing kept), taking turns with it | {Measure.Ms(applied[1].Wall)} | 1.00× |");
        Console.WriteLine($"| start-up with nothing pending, ledger of version-1 checksums (read and verified with version 1) | {Measure.Ms(beforeUpgrade)} | {Measure.Ratio(beforeUpgrade, afterUpgrade)} |");
        Console.WriteLine($"| `repair checksums` re-recording every row as version 2 (one run) | {Measure.Ms(upgrade.Elapsed)} | |");
        Console.WriteLine($"| start-up with nothing pending after it (the head matches: one query) | {Measure.Ms(afterUpgrade)} | 1.00× |");
        Console.WriteLine($"| planning an import of a {migrationCount}-row sqlx history (read, match by name, SHA-384 of each file) | {Measure.Ms(plan)} | |");
        Console.WriteLine();
    }

    private static string Ddl(int n)
        => $"""
           -- Step {n}: a table and its index.
           CREATE TABLE t{n} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
           CREATE INDEX t{n}_name ON t{n} (name);

           """;

    private static MigrationDescriptor[] Build(string[] sql, string[] checksums, bool asCode = false)
        => sql.Select((text, i) => new MigrationDescriptor(
                i + 1, $"step_{i + 1}", $"Step {i + 1}", true, checksums[i], asCode ? () => new SqlAsCode(text) : () => new SqlMigration(text)))
            .ToArray();

    private sealed class SqlAsCode(string sql) : Migration
    {
        public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => context.ExecuteAsync(sql, cancellationToken);
    }

    private static async Task WriteSqlxHistoryAsync(NpgsqlDataSource db, string[] sql)
    {
        var rows = sql.Select((text, i) =>
            $"({20240101000000 + i}, 'step {i + 1}', now(), true, '\\x{Convert.ToHexStringLower(SHA384.HashData(Encoding.UTF8.GetBytes(text)))}', 1000)");
        await using var command = db.CreateCommand($"""
            CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),
                                           success BOOLEAN NOT NULL, checksum BYTEA NOT NULL, execution_time BIGINT NOT NULL);
            INSERT INTO _sqlx_migrations VALUES {string.Join(",\n", rows)};
            """);
        await command.ExecuteNonQueryAsync();
    }
}
