using EvolveDb;
using Npgsql;

namespace Contenders;

/// <summary>Evolve: versioned SQL files (V1__step_1.sql …) in a folder, its changelog table, a transaction per file.</summary>
internal sealed class EvolveContender : Contender
{
    private readonly string _folder;

    public EvolveContender(int count)
    {
        _folder = Path.Combine(Path.GetTempPath(), $"schemagen-evolve-{count}");
        Directory.CreateDirectory(_folder);
        for (var n = 1; n <= count; n++)
        {
            var file = Path.Combine(_folder, $"V{n}__step_{n}.sql");
            if (!File.Exists(file))
            {
                File.WriteAllText(file, Databases.Statement(n) + ";\n");
            }
        }
    }

    public override Task MigrateAsync(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        var evolve = new Evolve(connection, _ => { })
        {
            Locations = [_folder],
            IsEraseDisabled = true,
            TransactionMode = EvolveDb.Configuration.TransactionKind.CommitEach,
        };
        evolve.Migrate();
        return Task.CompletedTask;
    }
}
