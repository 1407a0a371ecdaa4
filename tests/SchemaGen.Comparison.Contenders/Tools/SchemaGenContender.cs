using Npgsql;
using SchemaGen;
using SchemaGen.Generated;

namespace Contenders;

/// <summary>SchemaGen: the generated registry (its first <c>count</c> entries) and the runner, on one pooled data source per database.</summary>
internal sealed class SchemaGenContender(int count) : Contender
{
    private readonly MigrationDescriptor[] _migrations = MigrationRegistry.All.Take(count).ToArray();
    private readonly Dictionary<string, NpgsqlDataSource> _dataSources = [];

    public override async Task MigrateAsync(string connectionString)
    {
        if (!_dataSources.TryGetValue(connectionString, out var dataSource))
        {
            dataSource = NpgsqlDataSource.Create(connectionString);
            _dataSources.Add(connectionString, dataSource);
        }

        await new MigrationRunner(dataSource, _migrations).RunAsync();
    }
}
