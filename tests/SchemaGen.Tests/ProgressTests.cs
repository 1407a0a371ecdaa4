using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>A long migration shows it is alive: "still running" lines while it runs, none after.</summary>
public class ProgressTests
{
    [Theory]
    [InlineData(MigrationLockMode.Session)]
    [InlineData(MigrationLockMode.Transaction)]
    public async Task A_long_migration_is_logged_as_still_running_until_it_ends(MigrationLockMode lockMode)
    {
        await using var db = await TestDatabase.CreateAsync();
        var logger = new CapturingLogger();
        var options = new MigrationRunnerOptions { ProgressInterval = TimeSpan.FromMilliseconds(150), LockMode = lockMode };

        await new MigrationRunner(db, [Sql(1, "slow", "SELECT pg_sleep(1)"), Sql(2, "quick", "SELECT 1")], options, logger).RunAsync();
        var whileRunning = StillRunning(logger);
        await Task.Delay(500);

        Assert.True(whileRunning.Count >= 2, $"{whileRunning.Count} still-running line(s) over a 1 s migration logged every 150 ms");
        Assert.All(whileRunning, line => Assert.StartsWith("… 001_slow still running after ", line));
        Assert.Equal(whileRunning.Count, StillRunning(logger).Count);
    }

    private static List<string> StillRunning(CapturingLogger logger)
        => logger.Messages.Where(m => m.Contains("still running", StringComparison.Ordinal)).ToList();
}
