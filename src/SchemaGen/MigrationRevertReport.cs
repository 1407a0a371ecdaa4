namespace SchemaGen;

/// <summary>What one <see cref="MigrationRunner.RevertAsync"/> did.</summary>
/// <param name="Reverted">The migrations reverted, newest first, each with its time.</param>
/// <param name="Elapsed">The revert's wall-clock time.</param>
public sealed record MigrationRevertReport(IReadOnlyList<RevertedMigration> Reverted, TimeSpan Elapsed);

/// <summary>One migration reverted: its down ran and its ledger row is gone.</summary>
public sealed record RevertedMigration(MigrationDescriptor Migration, TimeSpan Elapsed);
