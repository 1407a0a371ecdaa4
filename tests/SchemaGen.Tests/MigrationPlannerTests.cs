using SchemaGen.Ledger;
using SchemaGen.Planning;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>The planner alone, table-driven and without a database: what is pending, what is refused, and why.</summary>
public class MigrationPlannerTests
{
    private static readonly MigrationDescriptor[] Registry = Tables(4);
    private static readonly LedgerTable Table = new("public", "schema_migrations");

    public static TheoryData<string, int[], string?, bool, string> Cases => new()
    {
        // ledger (numbers recorded as applied with this build's checksums), a tampering, AllowOutOfOrder, expected pending or error
        { "empty ledger", [], null, false, "1,2,3,4" },
        { "two applied", [1, 2], null, false, "3,4" },
        { "all applied", [1, 2, 3, 4], null, false, "" },
        { "a newer build ran", [1, 2, 3, 4, 5], null, false, "" },
        { "a gap below the highest", [1, 3], null, false, "error: Migration 002_table_2 is pending, but the database already has 003_table_3 applied" },
        { "a gap below, allowed", [1, 3], null, true, "2,4" },
        { "an edited migration", [1, 2], "checksum", false, "error: Migration 002_table_2 was applied with checksum sha256:edited" },
        { "a renamed migration", [1, 2], "name", false, "error: The database recorded migration 2 as 002_renamed" },
        { "a failed row", [1, 2], "failed", false, "error: Migration 002_table_2 did not complete in an earlier run (failed: boom)" },
        { "a running row", [1, 2], "running", false, "error: Migration 002_table_2 did not complete in an earlier run (it was interrupted while running)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plans(string what, int[] applied, string? tampering, bool allowOutOfOrder, string expected)
    {
        var rows = applied.Select(number => Row(number, number == 2 ? tampering : null)).ToList();
        var options = new MigrationRunnerOptions { AllowOutOfOrder = allowOutOfOrder };

        string actual;
        try
        {
            actual = string.Join(",", MigrationPlanner.Plan(Registry, rows, Table, options).Pending.Select(m => m.Number));
        }
        catch (MigrationValidationException e)
        {
            actual = "error: " + e.Message;
        }

        Assert.True(actual.StartsWith(expected, StringComparison.Ordinal) && (expected.StartsWith("error", StringComparison.Ordinal) || actual == expected), $"{what}: {actual}");
    }

    [Fact]
    public void An_allowed_checksum_mismatch_and_unknown_rows_are_reported_not_refused()
    {
        var rows = new List<LedgerRow> { Row(1, null), Row(2, "checksum"), Row(3, null), Row(5, null) };

        var plan = MigrationPlanner.Plan(Registry, rows, Table, new MigrationRunnerOptions { AllowChecksumMismatch = true, AllowOutOfOrder = true });

        Assert.Equal([4], plan.Pending.Select(m => m.Number));
        Assert.Equal(["002_table_2"], plan.AllowedChecksumMismatches.Select(m => m.Migration.Id));
        Assert.Equal(["005_table_5"], plan.Unknown.Select(r => r.MigrationName));
    }

    private static LedgerRow Row(int number, string? tampering)
    {
        var known = number <= Registry.Length ? Registry[number - 1] : null;
        var name = tampering == "name" ? $"{number:D3}_renamed" : known?.Id ?? $"{number:D3}_table_{number}";
        var checksum = tampering == "checksum" ? "sha256:edited" : known?.Checksum ?? "sha256:newer";
        var status = tampering switch { "failed" => LedgerStatus.Failed, "running" => LedgerStatus.Running, _ => LedgerStatus.Applied };
        return new LedgerRow(number, name, checksum, status, DateTimeOffset.UnixEpoch, 1, tampering == "failed" ? "boom" : null);
    }
}
