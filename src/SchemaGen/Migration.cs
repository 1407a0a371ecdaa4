namespace SchemaGen;

/// <summary>
/// The base class of every migration. Mark the derived class with <see cref="MigrationAttribute"/>;
/// the generator adds it to <c>SchemaGen.Generated.MigrationRegistry.All</c>.
/// </summary>
public abstract class Migration
{
    /// <summary>Applies the migration.</summary>
    public abstract Task UpAsync(MigrationContext context, CancellationToken cancellationToken);
}
