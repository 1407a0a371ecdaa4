using Npgsql;
using SchemaGen;
using SchemaGen.Generated;

namespace Contenders;

/// <summary>
/// SchemaGen as an app uses it: the generated registry as it is (its count and digest computed at compile time; this
/// build compiles the set of <c>count</c> migrations) and one runner per database, on one pooled data source.
/// </summary>
internal sealed class SchemaGenContender : Contender
{
    private readonly Dictionary<string, MigrationRunner> _runners = [];

    public SchemaGenContender(int count)
    {
        if (MigrationRegistry.All.Count != count)
        {
            throw new InvalidOperationException($"This build holds {MigrationRegistry.All.Count} SchemaGen migrations, not {count}: build it with SchemaGenSet={count}.");
        }
    }

    public override async Task MigrateAsync(string connectionString)
    {
        if (!_runners.TryGetValue(connectionString, out var runner))
        {
            runner = new MigrationRunner(NpgsqlDataSource.Create(connectionString), MigrationRegistry.All);
            _runners.Add(connectionString, runner);
        }

        await runner.RunAsync();
    }
}
