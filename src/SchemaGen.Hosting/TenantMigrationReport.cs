using System.Globalization;

namespace SchemaGen.Hosting;

/// <summary>What happened to one target.</summary>
public enum TargetOutcome
{
    /// <summary>Migrations were applied to it.</summary>
    Migrated,

    /// <summary>It was up to date already (or another process brought it up to date first).</summary>
    UpToDate,

    /// <summary>It failed: see <see cref="TargetResult.Error"/>.</summary>
    Failed,

    /// <summary>It was not started, because an earlier target failed.</summary>
    NotStarted,
}

/// <summary>One target's result.</summary>
/// <param name="Target">The target.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Applied">How many migrations this process applied to it.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record TargetResult(MigrationTarget Target, TargetOutcome Outcome, int Applied, TimeSpan Elapsed, string? Error);

/// <summary>Every target's result, in the order given, and the run's time.</summary>
public sealed record TenantMigrationReport(IReadOnlyList<TargetResult> Targets, TimeSpan Elapsed)
{
    /// <summary>How many targets ended with <paramref name="outcome"/>.</summary>
    public int Count(TargetOutcome outcome) => Targets.Count(target => target.Outcome == outcome);

    /// <summary>Whether every target is migrated or up to date.</summary>
    public bool Succeeded => Targets.All(target => target.Outcome is TargetOutcome.Migrated or TargetOutcome.UpToDate);

    /// <summary>One line: the counts of each outcome and the time.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Targets.Count} target(s): {Count(TargetOutcome.Migrated)} migrated, {Count(TargetOutcome.UpToDate)} up to date, " +
        $"{Count(TargetOutcome.Failed)} failed, {Count(TargetOutcome.NotStarted)} not started, in {Elapsed.TotalSeconds:0.0##} s");
}
