using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SchemaGen.Adopting;
using static SchemaGen.Tests.ForeignHistory;

namespace SchemaGen.Tests;

/// <summary>
/// Taking over a generated sqlx or Flyway history of 200 rows over a build of 220 migrations: matched by the tool's own key,
/// checksums compared, and any difference refusing the whole import with every difference named and nothing written.
/// </summary>
public class HistoryImportTests
{
    [Theory]
    [InlineData(MigrationHistorySource.Sqlx)]
    [InlineData(MigrationHistorySource.Flyway)]
    public async Task A_history_that_matches_is_imported_row_by_row_and_the_rest_applied(MigrationHistorySource source)
    {
        await using var db = await TestDatabase.CreateAsync();
        await WriteAsync(db, source, source == MigrationHistorySource.Sqlx ? Sqlx() : Flyway());
        var logger = new CapturingLogger();

        var plan = await Runner(db, source).PlanHistoryImportAsync();
        var report = await Runner(db, source, logger: logger).RunAsync();

        Assert.Empty(plan.Differences);
        Assert.Equal(Applied, plan.MigrationCount);
        Assert.All(plan.Rows.Where(row => row.Number is not null), row => Assert.Equal("matches", row.Checksum));
        Assert.Equal(Enumerable.Range(Applied + 1, 20), report.Applied.Select(a => a.Migration.Number));
        Assert.Contains($"Imported {Applied} migration(s) from the {source} history, up to 200_create_table_200, as applied without running them", logger.Messages);
        Assert.Equal(Applied, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE baseline AND status = 'applied'"));
        Assert.Equal(220, await db.ScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND connamespace = 'public'::regnamespace AND conrelid::regclass::text ~ '^t[0-9]+$'"));
        Assert.Equal(
            source == MigrationHistorySource.Sqlx ? "037_create_table_37|Run create_table_37 (imported: sqlx version 20240101003700: create table 37)" : "037_create_table_37|Run create_table_37 (imported: Flyway version 37: create table 37)",
            await db.ScalarAsync<string>("SELECT migration_name || '|' || description FROM schema_migrations WHERE number = 37"));
        Assert.Equal(DatabaseState.UpToDate, (await Runner(db, source).VerifyAsync()).State);
    }

    public static TheoryData<string, string> SqlxDifferences => new()
    {
        {
            "extra row",
            "sqlx version 20240101010050 (hotfix index) matches no migration of this build by name ('hotfix_index'). Map it to a migration number, or to 0 to leave it out " +
            "if this build has no such migration: set MigrationRunnerOptions.ImportHistoryMapping[\"20240101010050\"]"
        },
        {
            "missing row",
            "050_create_table_50 has no row in _sqlx_migrations, though later migrations do: importing would record it as applied without a sign that it ran. " +
            "If it ran, restore its row; if a row above maps to it under another name, correct the mapping"
        },
        {
            "reordered pair",
            "sqlx version 20240101007100 (create table 70) maps to 070_create_table_70 but was applied after sqlx version 20240101007000 (create table 71), which maps to " +
            "071_create_table_71: the other way round from SchemaGen's order, so the schema may differ from what the migrations build in order. Check it, or accept it: " +
            "add 70 to MigrationRunnerOptions.ImportAcceptedDifferences"
        },
        {
            "checksum changed",
            $"sqlx version 20240101012000 (create table 120) was applied with checksum deadbeef, but 120_create_table_120's file gives {Sha384(Ddl(120))}: the file differs " +
            "from the one sqlx ran. Check what changed, or accept it: add 120 to MigrationRunnerOptions.ImportAcceptedDifferences"
        },
        {
            "name changed",
            "sqlx version 20240101013000 (create table one thirty) matches no migration of this build by name ('create_table_one_thirty'). Map it to a migration number, " +
            "or to 0 to leave it out if this build has no such migration: set MigrationRunnerOptions.ImportHistoryMapping[\"20240101013000\"]. It stands where " +
            "130_create_table_130 would, which has no row: if that is it under another name, map it ('20240101013000 130')"
        },
    };

    public static TheoryData<string, string> FlywayDifferences => new()
    {
        {
            "extra row",
            "Flyway version 100.5 (hotfix index) is not a whole number, and SchemaGen numbers migrations 1, 2, 3 and on. Map it to a migration number, or to 0 to leave " +
            "it out if this build has no such migration: set MigrationRunnerOptions.ImportHistoryMapping[\"100.5\"]"
        },
        {
            "missing row",
            "050_create_table_50 has no row in flyway_schema_history, though later migrations do: importing would record it as applied without a sign that it ran. " +
            "If it ran, restore its row; if a row above maps to it under another name, correct the mapping"
        },
        {
            "reordered pair",
            "Flyway version 70 (create table 70) maps to 070_create_table_70 but was applied after Flyway version 71 (create table 71), which maps to 071_create_table_71: " +
            "the other way round from SchemaGen's order, so the schema may differ from what the migrations build in order. Check it, or accept it: add 70 to " +
            "MigrationRunnerOptions.ImportAcceptedDifferences"
        },
        {
            "checksum changed",
            $"Flyway version 120 (create table 120) was applied with checksum 12345, but 120_create_table_120's file gives {ForeignChecksum.Flyway(Ddl(120))}: the file " +
            "differs from the one Flyway ran. Check what changed, or accept it: add 120 to MigrationRunnerOptions.ImportAcceptedDifferences"
        },
        {
            "name changed",
            "Flyway version 130 (create table one thirty) maps to 130_create_table_130 by its version, but its name differs ('create_table_one_thirty'): check the " +
            "numbering, map the row to the right migration, or accept it: add 130 to MigrationRunnerOptions.ImportAcceptedDifferences"
        },
    };

    [Theory]
    [MemberData(nameof(SqlxDifferences))]
    public Task A_sqlx_history_that_differs_is_refused_whole_with_the_difference_and_nothing_written(string edit, string difference)
        => RefusedAsync(MigrationHistorySource.Sqlx, Edit(Sqlx(), edit, MigrationHistorySource.Sqlx), difference);

    [Theory]
    [MemberData(nameof(FlywayDifferences))]
    public Task A_flyway_history_that_differs_is_refused_whole_with_the_difference_and_nothing_written(string edit, string difference)
        => RefusedAsync(MigrationHistorySource.Flyway, Edit(Flyway(), edit, MigrationHistorySource.Flyway), difference);

    [Fact]
    public async Task A_refused_import_in_transaction_lock_mode_leaves_nothing_either()
    {
        await using var db = await TestDatabase.CreateAsync();
        await WriteAsync(db, MigrationHistorySource.Flyway, Edit(Flyway(), "missing row", MigrationHistorySource.Flyway));
        var before = await SnapshotAsync(db, MigrationHistorySource.Flyway);
        var options = new MigrationRunnerOptions { ImportHistoryFrom = MigrationHistorySource.Flyway, LockMode = MigrationLockMode.Transaction };

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => new MigrationRunner(db, Build, options).RunAsync());

        Assert.Contains("050_create_table_50 has no row in flyway_schema_history", error.Message);
        Assert.Equal(before, await SnapshotAsync(db, MigrationHistorySource.Flyway));
    }

    [Fact]
    public async Task Every_difference_is_listed_in_one_refusal()
    {
        await using var db = await TestDatabase.CreateAsync();
        var rows = Edit(Edit(Sqlx(), "missing row", MigrationHistorySource.Sqlx), "checksum changed", MigrationHistorySource.Sqlx);
        await WriteAsync(db, MigrationHistorySource.Sqlx, rows);

        var error = await Assert.ThrowsAsync<MigrationValidationException>(() => Runner(db, MigrationHistorySource.Sqlx).RunAsync());

        Assert.StartsWith("Cannot import the Sqlx history in _sqlx_migrations: 2 difference(s) from this build's migrations:\n  - sqlx version 20240101012000", error.Message);
        Assert.Contains("\n  - 050_create_table_50 has no row in _sqlx_migrations", error.Message);
        Assert.EndsWith("Nothing was recorded or applied. To see the whole mapping, call MigrationRunner.PlanHistoryImportAsync.", error.Message);
    }

    [Fact]
    public async Task A_difference_accepted_by_number_is_imported_with_a_warning_and_others_still_refuse()
    {
        await using var db = await TestDatabase.CreateAsync();
        await WriteAsync(db, MigrationHistorySource.Flyway, Edit(Edit(Flyway(), "name changed", MigrationHistorySource.Flyway), "checksum changed", MigrationHistorySource.Flyway));
        var logger = new CapturingLogger();

        var partly = await Runner(db, MigrationHistorySource.Flyway, accept: [130]).PlanHistoryImportAsync();
        var report = await Runner(db, MigrationHistorySource.Flyway, accept: [130, 120], logger: logger).RunAsync();

        Assert.Equal(["Flyway version 120"], partly.Differences.Select(d => d[..18]));
        Assert.Equal(20, report.Applied.Count);
        Assert.Equal(2, logger.Messages.Count(m => m.StartsWith("Importing although Flyway version 1", StringComparison.Ordinal) && m.EndsWith("accepted by MigrationRunnerOptions.ImportAcceptedDifferences", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_mapping_matches_a_renamed_row_and_leaves_out_a_row_this_build_does_not_have()
    {
        await using var db = await TestDatabase.CreateAsync();
        await WriteAsync(db, MigrationHistorySource.Sqlx, Edit(Edit(Sqlx(), "name changed", MigrationHistorySource.Sqlx), "extra row", MigrationHistorySource.Sqlx));
        var mapping = new Dictionary<string, int> { ["20240101013000"] = 130, ["20240101010050"] = 0 };

        var plan = await Runner(db, MigrationHistorySource.Sqlx, mapping: mapping).PlanHistoryImportAsync();
        var report = await Runner(db, MigrationHistorySource.Sqlx, mapping: mapping).RunAsync();

        Assert.Empty(plan.Differences);
        Assert.Contains(new HistoryImportRow("20240101010050", "hotfix index", null, "left out by the mapping", ""), plan.Rows);
        Assert.Contains(new HistoryImportRow("20240101013000", "create table one thirty", 130, "130_create_table_130", "matches"), plan.Rows);
        Assert.Equal(20, report.Applied.Count);
        Assert.Equal(Applied, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE baseline"));
    }

    [Fact]
    public async Task A_failed_row_and_two_rows_for_one_migration_cannot_be_accepted()
    {
        await using var db = await TestDatabase.CreateAsync();
        var rows = Sqlx();
        rows[9] = rows[9] with { Success = false };
        rows.Add(rows[19] with { Version = "20991231000000" });
        await WriteAsync(db, MigrationHistorySource.Sqlx, rows);
        var before = await SnapshotAsync(db, MigrationHistorySource.Sqlx);

        var plan = await Runner(db, MigrationHistorySource.Sqlx, accept: [10, 20]).PlanHistoryImportAsync();
        await Assert.ThrowsAsync<MigrationValidationException>(() => Runner(db, MigrationHistorySource.Sqlx, accept: [10, 20]).RunAsync());

        Assert.Equal(
            [
                "sqlx version 20240101001000 (create table 10) is recorded as failed: resolve it with sqlx itself first, then import",
                "sqlx version 20991231000000 (create table 20) and sqlx version 20240101002000 (create table 20) both map to 020_create_table_20. Map it to a migration " +
                "number, or to 0 to leave it out if this build has no such migration: set MigrationRunnerOptions.ImportHistoryMapping[\"20991231000000\"]",
                "010_create_table_10 has no row in _sqlx_migrations, though later migrations do: importing would record it as applied without a sign that it ran. " +
                "If it ran, restore its row; if a row above maps to it under another name, correct the mapping",
            ],
            plan.Differences);
        Assert.Equal(before, await SnapshotAsync(db, MigrationHistorySource.Sqlx));
    }

    [Fact]
    public void Flyways_checksum_is_java_crc32_over_the_lines_without_line_breaks_or_byte_order_mark()
    {
        var crc = new Crc32();
        crc.Append("123456789"u8);

        Assert.Equal(0xCBF43926u, crc.Value);
        Assert.Equal("-1929710232", ForeignChecksum.Flyway("CREATE TABLE users (id int);\r\nINSERT INTO users VALUES (1);\n"));
        Assert.Equal("-1929710232", ForeignChecksum.Flyway("CREATE TABLE users (id int);\nINSERT INTO users VALUES (1);"));
        Assert.Equal("-380431632", ForeignChecksum.Flyway("\uFEFFSELECT 'é';\rSELECT 2;"));
    }

    private static async Task RefusedAsync(MigrationHistorySource source, List<Row> rows, string difference)
    {
        await using var db = await TestDatabase.CreateAsync();
        await WriteAsync(db, source, rows);
        var before = await SnapshotAsync(db, source);

        var plan = await Runner(db, source).PlanHistoryImportAsync();
        var run = await Assert.ThrowsAsync<MigrationValidationException>(() => Runner(db, source).RunAsync());
        var import = await Assert.ThrowsAsync<MigrationValidationException>(() => Runner(db, source).ImportHistoryAsync());

        Assert.Equal([difference], plan.Differences);
        Assert.Contains("\n  - " + difference + "\n", run.Message);
        Assert.Equal(run.Message, import.Message);
        Assert.Equal(before, await SnapshotAsync(db, source));
    }

    private static List<Row> Edit(List<Row> rows, string edit, MigrationHistorySource source)
    {
        var sqlx = source == MigrationHistorySource.Sqlx;
        int Index(int number) => rows.FindIndex(row => row.Description == $"create table {number}");
        switch (edit)
        {
            case "extra row":
                rows.Insert(Index(100) + 1, new Row(sqlx ? "20240101010050" : "100.5", "hotfix index", sqlx ? Sha384("CREATE INDEX ON t100 (parent);") : "1"));
                break;
            case "missing row":
                rows.RemoveAt(Index(50));
                break;
            case "reordered pair" when sqlx:
                // sqlx orders by version: version 70 now holds migration 71's file, version 71 migration 70's.
                var (seventy, seventyOne) = (Index(70), Index(71));
                (rows[seventy], rows[seventyOne]) = (rows[seventyOne] with { Version = rows[seventy].Version }, rows[seventy] with { Version = rows[seventyOne].Version });
                break;
            case "reordered pair":
                // Flyway orders by installed_rank: version 71 was installed before version 70.
                var (first, second) = (Index(70), Index(71));
                (rows[first], rows[second]) = (rows[second], rows[first]);
                break;
            case "checksum changed":
                rows[Index(120)] = rows[Index(120)] with { Checksum = sqlx ? "deadbeef" : "12345" };
                break;
            case "name changed":
                rows[Index(130)] = rows[Index(130)] with { Description = "create table one thirty" };
                break;
            default:
                throw new ArgumentException(edit);
        }

        return rows;
    }

    private static MigrationRunner Runner(
        NpgsqlDataSource db, MigrationHistorySource source, IReadOnlyCollection<int>? accept = null, IReadOnlyDictionary<string, int>? mapping = null, CapturingLogger? logger = null)
        => new(db, Build, new MigrationRunnerOptions { ImportHistoryFrom = source, ImportAcceptedDifferences = accept ?? [], ImportHistoryMapping = mapping }, logger);

    private static string Sha384(string text) => Convert.ToHexStringLower(SHA384.HashData(Encoding.UTF8.GetBytes(text)));
}
