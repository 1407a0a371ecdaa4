using Npgsql;
using SchemaGen;
using SchemaGen.Generated;

// aot once <floor|schemagen> <count> <connection>: one start-up's worth of work, as a Native AOT process.
var (tool, count, connectionString) = (args[1], int.Parse(args[2]), args[3]);
await using var dataSource = new NpgsqlSlimDataSourceBuilder(connectionString).Build();
if (tool == "floor")
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var command = new NpgsqlCommand("SELECT 1", connection);
    await command.ExecuteScalarAsync();
}
else
{
    await new MigrationRunner(dataSource, MigrationRegistry.All.Take(count).ToArray()).RunAsync();
}
