using SchemaGen.Ledger;

namespace SchemaGen.Planning;

/// <summary>Which repeatable migrations a run applies: in name order, those never applied, or applied with another checksum.</summary>
internal static class RepeatablePlanner
{
    /// <param name="repeatables">This build's repeatable migrations, ordered by name (as <see cref="MigrationList.Repeatables"/> holds them).</param>
    /// <param name="recorded">Their rows in the ledger.</param>
    public static IReadOnlyList<MigrationDescriptor> Pending(IReadOnlyList<MigrationDescriptor> repeatables, IReadOnlyList<RecordedRepeatable> recorded)
    {
        if (repeatables.Count == 0)
        {
            return [];
        }

        var checksums = recorded.ToDictionary(row => row.MigrationName, row => row.Checksum, StringComparer.Ordinal);
        return [.. repeatables.Where(repeatable => !checksums.TryGetValue(repeatable.Id, out var checksum) || checksum != repeatable.Checksum)];
    }
}
