namespace SchemaGen;

/// <summary>
/// The base class of every migration. Mark the derived class with <see cref="MigrationAttribute"/>;
/// the generator adds it to <c>SchemaGen.Generated.MigrationRegistry.All</c>.
/// </summary>
public abstract class Migration
{
    /// <summary>Applies the migration.</summary>
    public abstract Task UpAsync(MigrationContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Undoes <see cref="UpAsync"/>, for <see cref="MigrationRunner.RevertAsync"/>: override it to make the migration reversible
    /// (the generator sees the override). It runs as the migration does, in a transaction with the removal of its ledger row
    /// unless <c>Transactional = false</c>. It is not part of the migration's checksum, so fixing a down never makes an applied
    /// migration count as edited.
    /// </summary>
    public virtual Task DownAsync(MigrationContext context, CancellationToken cancellationToken)
        => throw new NotSupportedException($"{GetType().Name} has no down: override DownAsync to make it reversible.");
}
