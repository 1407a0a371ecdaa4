using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using Microsoft.Extensions.DependencyInjection;

namespace Contenders;

/// <summary>FluentMigrator: the runner from DI, scanning this assembly's migrations in one namespace per set.</summary>
internal sealed class FluentMigratorContender(int count) : Contender
{
    public override Task MigrateAsync(string connectionString)
    {
        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddPostgres()
                .WithGlobalConnectionString(connectionString)
                .ScanIn(typeof(FluentMigratorContender).Assembly).For.Migrations())
            .Configure<TypeFilterOptions>(filter => filter.Namespace = $"Contenders.Fm{count}")
            .BuildServiceProvider(validateScopes: false);
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IMigrationRunner>().MigrateUp();
        return Task.CompletedTask;
    }
}
