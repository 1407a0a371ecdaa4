using SchemaGen.Ledger;

namespace SchemaGen.Planning;

/// <summary>
/// Joins this build's migrations with the ledger into one status list: the numbered ones by number, then the repeatable ones
/// by name (pending when never applied or changed since; unknown when only the ledger has them).
/// </summary>
internal static class MigrationStatusJoin
{
    public static IReadOnlyList<MigrationStatus> Combine(
        IReadOnlyList<MigrationDescriptor> migrations, IReadOnlyList<LedgerRow> ledger, IReadOnlyList<MigrationDescriptor> repeatables, IReadOnlyList<RecordedRepeatable> recorded)
    {
        var statuses = Combine(migrations, ledger).ToList();
        var rows = recorded.ToDictionary(row => row.MigrationName, StringComparer.Ordinal);
        foreach (var repeatable in repeatables)
        {
            var state = rows.Remove(repeatable.Id, out var row) && row.Checksum == repeatable.Checksum ? MigrationState.Applied : MigrationState.Pending;
            statuses.Add(new MigrationStatus(0, repeatable.Id, repeatable.Description, state, row?.AppliedAt, row?.ExecutionTimeMs));
        }

        statuses.AddRange(rows.Values.Select(row => new MigrationStatus(0, row.MigrationName, string.Empty, MigrationState.Unknown, row.AppliedAt, row.ExecutionTimeMs)));
        return statuses;
    }

    public static IReadOnlyList<MigrationStatus> Combine(IReadOnlyList<MigrationDescriptor> migrations, IReadOnlyList<LedgerRow> ledger)
    {
        var rows = new Dictionary<int, LedgerRow>(ledger.Count);
        foreach (var row in ledger)
        {
            rows[row.Number] = row;
        }

        var statuses = new List<MigrationStatus>(migrations.Count + ledger.Count);
        foreach (var migration in migrations)
        {
            if (!rows.Remove(migration.Number, out var row))
            {
                statuses.Add(new MigrationStatus(migration.Number, migration.Id, migration.Description, MigrationState.Pending, null, null));
                continue;
            }

            var state = row.Status != LedgerStatus.Applied ? Incomplete(row)
                : !migration.IsRecordedAs(row.Checksum) || row.MigrationName != migration.Id ? MigrationState.AppliedWithDifferentChecksum
                : MigrationState.Applied;
            statuses.Add(new MigrationStatus(migration.Number, row.MigrationName, migration.Description, state, row.AppliedAt, row.ExecutionTimeMs));
        }

        foreach (var row in rows.Values)
        {
            var state = row.Status == LedgerStatus.Applied ? MigrationState.Unknown : Incomplete(row);
            statuses.Add(new MigrationStatus(row.Number, row.MigrationName, string.Empty, state, row.AppliedAt, row.ExecutionTimeMs));
        }

        statuses.Sort((left, right) => left.Number.CompareTo(right.Number));
        return statuses;
    }

    private static MigrationState Incomplete(LedgerRow row)
        => row.Status == LedgerStatus.Running ? MigrationState.Running : MigrationState.Failed;
}
