namespace Contenders;

/// <summary>One migration tool, set up for a number of migrations, migrating a database the way its docs recommend.</summary>
internal abstract class Contender
{
    public abstract Task MigrateAsync(string connectionString);

    public static Contender Create(string tool, int count) => tool switch
    {
        "floor" => new FloorContender(),
        "raw" => new RawNpgsqlContender(count),
        "schemagen" => new SchemaGenContender(count),
        "efcore" => new EfCoreContender(count),
        "fluentmigrator" => new FluentMigratorContender(count),
        "dbup" => new DbUpContender(count),
        "evolve" => new EvolveContender(count),
        _ => throw new ArgumentException($"Unknown tool '{tool}'."),
    };
}
