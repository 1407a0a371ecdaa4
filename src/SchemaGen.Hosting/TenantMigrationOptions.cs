using Npgsql;

namespace SchemaGen.Hosting;

/// <summary>How <see cref="TenantMigrator"/> works through its targets.</summary>
public sealed class TenantMigrationOptions
{
    /// <summary>How many targets are migrated at once. Default 4.</summary>
    public int MaxParallelism { get; set; } = 4;

    /// <summary>Migrate the first target alone first, and stop if it fails, before the others are touched. Default false.</summary>
    public bool CanaryFirst { get; set; }

    /// <summary>Keep starting targets after one failed (default false: the ones running finish, no new one starts).</summary>
    public bool ContinueOnFailure { get; set; }

    /// <summary>The runner's options for every target (a schema target's <see cref="MigrationRunnerOptions.Schema"/> is its own).</summary>
    public MigrationRunnerOptions RunnerOptions { get; set; } = new();

    /// <summary>Builds each target's data source from its connection string; the default is <see cref="NpgsqlDataSource.Create(string)"/>.</summary>
    public Func<string, NpgsqlDataSource> CreateDataSource { get; set; } = NpgsqlDataSource.Create;
}
