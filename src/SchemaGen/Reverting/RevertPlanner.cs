using System.Globalization;
using SchemaGen.Ledger;
using SchemaGen.Planning;

namespace SchemaGen.Reverting;

/// <summary>
/// Decides what a revert undoes, newest first, and refuses before anything runs: what a run refuses (a failed, interrupted,
/// renamed or edited migration), a migration a newer build applied, and a migration with no down.
/// </summary>
internal static class RevertPlanner
{
    /// <param name="registry">This build's migrations.</param>
    /// <param name="ledger">The ledger's rows.</param>
    /// <param name="table">The ledger table.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="to">Keep migrations 1 to this one and revert the applied ones above it; null: revert the newest applied one.</param>
    public static IReadOnlyList<MigrationDescriptor> Plan(
        IReadOnlyList<MigrationDescriptor> registry, IReadOnlyList<LedgerRow> ledger, LedgerTable table, MigrationRunnerOptions options, int? to)
    {
        MigrationPlanner.Plan(registry, ledger, table, options);
        var applied = ledger.Where(row => row.Status == LedgerStatus.Applied).OrderByDescending(row => row.Number).ToList();
        var targets = to is { } keep ? applied.Where(row => row.Number > keep).ToList() : applied.Take(1).ToList();
        var plan = new List<MigrationDescriptor>(targets.Count);
        foreach (var row in targets)
        {
            var number = row.Number.ToString(CultureInfo.InvariantCulture);
            if (row.Number > registry.Count)
            {
                throw new MigrationValidationException(
                    $"{row.MigrationName} was applied by a newer build, whose down this build does not have: revert it with that build, or keep it " +
                    $"({KeepingIt(options, number)}). Nothing was reverted.",
                    row.MigrationName);
            }

            var migration = registry[row.Number - 1];
            if (!migration.IsReversible)
            {
                throw new MigrationValidationException(
                    $"{migration.Id} has no down, so the revert would stop at it: nothing was reverted. Write its down (override DownAsync, or add a " +
                    $"{number.PadLeft(4, '0')}_{migration.Name}.down.sql file) and revert again, or keep it ({KeepingIt(options, number)}).",
                    migration.Id);
            }

            plan.Add(migration);
        }

        return plan;
    }

    /// <summary>How to revert only what is above migration <paramref name="number"/>.</summary>
    private static string KeepingIt(MigrationRunnerOptions options, string number)
        => Remedy.Of(options, $"revert --to {number}", $"call RevertAsync(to: {number})") + " reverts only the migrations above it";
}
