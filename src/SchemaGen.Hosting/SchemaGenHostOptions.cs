using Npgsql;

namespace SchemaGen.Hosting;

/// <summary>How <see cref="SchemaGenServiceCollectionExtensions.AddSchemaGen(Microsoft.Extensions.DependencyInjection.IServiceCollection, IReadOnlyList{MigrationDescriptor}, Action{SchemaGenHostOptions})"/> migrates an app's database.</summary>
public sealed class SchemaGenHostOptions
{
    /// <summary>Apply at start-up (default), wait for another process to, or skip.</summary>
    public MigrationStartupMode Mode { get; set; } = MigrationStartupMode.Apply;

    /// <summary>
    /// The runner's options (schema, table name, lock mode, timeouts). Their <see cref="MigrationRunnerOptions.StartupBanner"/> is
    /// off here, so a host logs a run as a few structured events rather than the console's banner lines.
    /// </summary>
    public MigrationRunnerOptions RunnerOptions { get; set; } = new() { StartupBanner = false };

    /// <summary>The database; the default is the <see cref="NpgsqlDataSource"/> registered in the container (<c>AddNpgsqlDataSource</c>).</summary>
    public Func<IServiceProvider, NpgsqlDataSource>? DataSource { get; set; }

    /// <summary>
    /// Whether the readiness check also compares the schema with what the migrations build (<see cref="MigrationRunner.VerifySchemaAsync"/>),
    /// reporting a drifted one as degraded with the differences in its data. Off by default: it reads the catalog on every probe.
    /// </summary>
    public bool CheckSchemaInReadiness { get; set; }

    /// <summary>How long <see cref="MigrationStartupMode.WaitUntilApplied"/> waits before the start fails. Default 10 minutes.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often <see cref="MigrationStartupMode.WaitUntilApplied"/> looks again. Default 2 seconds.</summary>
    public TimeSpan WaitPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
