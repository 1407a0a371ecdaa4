using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace SchemaGen.Hosting;

/// <summary>Wires SchemaGen into a generic host: a start-up service and a readiness check.</summary>
public static class SchemaGenServiceCollectionExtensions
{
    /// <summary>The tag <see cref="AddSchemaGen(IHealthChecksBuilder, string, HealthStatus, string[])"/> gives its check by default.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Migrates the database as the host starts (or waits for another process to, or skips: <see cref="SchemaGenHostOptions.Mode"/>),
    /// before the services registered after it start.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="migrations">The migrations, normally <c>SchemaGen.Generated.MigrationRegistry.All</c>.</param>
    /// <param name="configure">Sets the mode, the runner's options and the database.</param>
    public static IServiceCollection AddSchemaGen(this IServiceCollection services, IReadOnlyList<MigrationDescriptor> migrations, Action<SchemaGenHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(migrations);
        var options = new SchemaGenHostOptions();
        configure?.Invoke(options);
        services.AddSingleton(provider =>
        {
            var dataSource = options.DataSource?.Invoke(provider) ?? provider.GetRequiredService<NpgsqlDataSource>();
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger("SchemaGen") ?? NullLogger.Instance;
            var probeOptions = options.RunnerOptions.Copy();
            probeOptions.ConnectAttempts = 1;
            return new MigrationGate(
                new MigrationRunner(dataSource, migrations, options.RunnerOptions, logger),
                new MigrationRunner(dataSource, migrations, probeOptions, NullLogger.Instance),
                options,
                logger);
        });
        services.AddHostedService<MigrationHostedService>();
        return services;
    }

    /// <summary>Adds the readiness check: unhealthy while migrations are pending, failed or edited. Needs <see cref="AddSchemaGen(IServiceCollection, IReadOnlyList{MigrationDescriptor}, Action{SchemaGenHostOptions})"/>.</summary>
    public static IHealthChecksBuilder AddSchemaGen(
        this IHealthChecksBuilder builder, string name = "schemagen", HealthStatus failureStatus = HealthStatus.Unhealthy, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name, provider => new MigrationHealthCheck(provider.GetRequiredService<MigrationGate>()), failureStatus, tags.Length == 0 ? [ReadyTag] : tags));
    }
}
