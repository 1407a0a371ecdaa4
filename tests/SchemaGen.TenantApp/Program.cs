using Npgsql;
using SchemaGen.Generated;
using SchemaGen.Hosting;

// Each process names its connections, so a migration can record which process applied it.
var settings = new MigrationCommandSettings
{
    CreateDataSource = connectionString => NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = $"tenant-app-{Environment.ProcessId}" }.ConnectionString),
};
return await MigrationCommands.TryRunAsync(args, MigrationRegistry.All, settings) ?? 2;
