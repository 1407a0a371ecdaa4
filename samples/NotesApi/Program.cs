using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using NotesApi;
using Npgsql;
using SchemaGen.Generated;
using SchemaGen.Hosting;
using SchemaGen.ThrowawayPostgres;

// The web sample: a minimal API that migrates its database as the host starts, and says at /health/ready whether the
// schema is what it was built for.
//   dotnet run --project samples/NotesApi                                  a throwaway local PostgreSQL
//   dotnet run --project samples/NotesApi -- --connection "Host=…"         that database (so does SCHEMAGEN_CONNECTION)
//   dotnet run --project samples/NotesApi -- migrate|status|verify …       SchemaGen's verbs, from the same binary
//   --SchemaGen:Mode=WaitUntilApplied (or Skip)                            leave migrating to a deploy step
var connectionString = ConnectionArgument(args) ?? Environment.GetEnvironmentVariable(MigrationCommandSettings.ConnectionVariable);
if (await MigrationCommands.TryRunAsync(args, MigrationRegistry.All, new MigrationCommandSettings { ConnectionString = connectionString }) is { } exitCode)
{
    return exitCode;
}

await using var throwaway = connectionString is null ? await PostgresServer.StartAsync() : null;
connectionString ??= throwaway!.ConnectionString();

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, NotesJson.Default));
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
builder.Services.AddSchemaGen(MigrationRegistry.All, options =>
{
    options.Mode = builder.Configuration.GetValue("SchemaGen:Mode", MigrationStartupMode.Apply);
    options.CheckSchemaInReadiness = builder.Configuration.GetValue("SchemaGen:CheckSchema", false);
});
builder.Services.AddHealthChecks().AddSchemaGen();

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains(SchemaGenServiceCollectionExtensions.ReadyTag),
    // A body that names what is pending or wrong, instead of a bare "Unhealthy".
    ResponseWriter = (http, report) =>
    {
        http.Response.ContentType = MigrationHealthResponse.ContentType;
        return MigrationHealthResponse.WriteAsync(http.Response.Body, report, http.RequestAborted);
    },
});
app.MapNotes();
await app.RunAsync();
return 0;

static string? ConnectionArgument(string[] args)
{
    var index = Array.IndexOf(args, "--connection");
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
