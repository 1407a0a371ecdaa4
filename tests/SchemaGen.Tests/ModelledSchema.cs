extern alias generator;

using generator::SchemaGen.Generator.Data;
using generator::SchemaGen.Generator.Emit;
using generator::SchemaGen.SqlParsing.Schema;
using Npgsql;
using SchemaGen.Drift;
using TableInfo = generator::SchemaGen.Generator.Data.SchemaModel.TableInfo;

namespace SchemaGen.Tests;

/// <summary>
/// Runs SQL on a fresh database of the test server with psql (each statement on its own) and reads the same SQL with the generator's compile-time schema model;
/// then compares the two as <c>verify --schema</c> does.
/// </summary>
internal static class ModelledSchema
{
    /// <summary>The differences between what the server built from <paramref name="migrations"/> and what the model says it built.</summary>
    public static async Task<(SchemaVerification Verification, ExpectedSchema Expected)> CompareAsync(params string[] migrations)
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        foreach (var sql in migrations)
        {
            var psql = await PostgresTools.PsqlFileAsync(connectionString, sql);
            Assert.True(psql.ExitCode == 0, psql.Error);
        }

        await using var db = NpgsqlDataSource.Create(connectionString);
        return await CompareWithAsync(db, migrations);
    }

    /// <summary>The model of <paramref name="migrations"/> against what <paramref name="db"/> has now.</summary>
    public static async Task<(SchemaVerification Verification, ExpectedSchema Expected)> CompareWithAsync(NpgsqlDataSource db, params string[] migrations)
    {
        var expected = ExpectedSchema.Parse(Text(migrations));
        await using var connection = await db.OpenConnectionAsync();
        var live = await LiveCatalog.ReadAsync(connection, expected.Schemas, CancellationToken.None);
        return (SchemaComparer.Compare(expected, live, static (_, _) => false), expected);
    }

    /// <summary>The expected schema's text the generator would embed for these migrations.</summary>
    public static string Text(params string[] migrations)
    {
        var state = new SchemaState();
        for (var i = 0; i < migrations.Length; i++)
        {
            SchemaReplay.Apply(state, MigrationEffectReader.Read($"{i + 1:D3}_case", migrations[i]), EquatableArray<TableInfo>.Empty);
        }

        return ExpectedSchemaEmitter.Text(state.Snapshot());
    }

    /// <summary>The statements the model could not follow in <paramref name="sql"/>.</summary>
    public static IReadOnlyList<string> Unfollowed(string sql) => [.. MigrationEffectReader.Read("001_case", sql).Unfollowed];
}
