using DbUp;
using DbUp.Engine;

namespace Contenders;

/// <summary>DbUp: in-code scripts, a transaction per script, its journal table.</summary>
internal sealed class DbUpContender(int count) : Contender
{
    private readonly SqlScript[] _scripts = Enumerable.Range(1, count)
        .Select(n => new SqlScript($"{n:D5}_step_{n}.sql", Databases.Statement(n)))
        .ToArray();

    public override Task MigrateAsync(string connectionString)
    {
        var result = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScripts(_scripts)
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        return result.Successful ? Task.CompletedTask : throw result.Error;
    }
}
