using Npgsql;
using SchemaGen.Corpus;

namespace SchemaGen.Tests;

/// <summary>Runs only once the corpus is prepared (tests/SchemaGen.Corpus/prepare-lemmy.sh); CI, which has no network, skips it.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (Corpus.Corpus.Migrations.Count == 0)
        {
            Skip = "The SQL corpus is not prepared: run tests/SchemaGen.Corpus/prepare-lemmy.sh with a Lemmy checkout.";
        }
    }
}

/// <summary>A real project's migration history (Lemmy: 342 diesel up.sql files), compiled as SQL-file migrations and applied.</summary>
public class CorpusTests
{
    [CorpusFact]
    public async Task Every_migration_applies_and_a_second_run_applies_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();

        var first = await new MigrationRunner(db, Corpus.Corpus.Migrations).RunAsync();
        var second = await new MigrationRunner(db, Corpus.Corpus.Migrations).RunAsync();

        Assert.Equal(Corpus.Corpus.Migrations.Count, first.Applied.Count);
        Assert.Equal(Directory.GetFiles(SourceFolder, "*.sql").Length, first.Applied.Count);
        Assert.Empty(second.Applied);
    }

    [CorpusFact]
    public async Task The_schema_equals_what_psql_makes_of_the_same_files()
    {
        var viaSchemaGen = await TestDatabase.CreateConnectionStringAsync();
        var viaPsql = await TestDatabase.CreateConnectionStringAsync();
        await using (var db = NpgsqlDataSource.Create(viaSchemaGen))
        {
            await new MigrationRunner(db, Corpus.Corpus.Migrations).RunAsync();
            await db.ExecuteAsync("DROP TABLE schema_migrations, schema_migrations_head; DROP FUNCTION schema_migrations_head_sync()");
        }

        // As diesel runs them: each file in a transaction of its own (but one marked non-transactional), stopping at the first error.
        var psql = await PostgresTools.PsqlFileAsync(viaPsql, string.Join('\n', Directory.GetFiles(SourceFolder, "*.sql").Order(StringComparer.Ordinal)
            .SelectMany(file => File.ReadLines(file).FirstOrDefault() == "-- transactional: false"
                ? new[] { $"\\i '{file}'" }
                : new[] { "BEGIN;", $"\\i '{file}'", "COMMIT;" })));
        Assert.True(psql.ExitCode == 0, psql.Error);

        var expected = await PostgresTools.SchemaAsync(viaPsql);
        var actual = await PostgresTools.SchemaAsync(viaSchemaGen);
        Assert.True(expected.Length > 20_000, "the dump is suspiciously small");
        Assert.Equal(expected, actual);
    }

    [CorpusFact]
    public async Task The_schema_the_compiler_read_from_the_history_is_what_the_server_built()
    {
        await using var db = await TestDatabase.CreateAsync();
        var runner = new MigrationRunner(db, Corpus.Corpus.Migrations);
        await runner.RunAsync();

        var verification = await runner.VerifySchemaAsync();

        var expected = ((MigrationList)Corpus.Corpus.Migrations).ExpectedSchema!;
        Console.WriteLine($"Corpus: {expected.ObjectCount} objects in the compile-time model, {expected.UnknownObjectCount} unknown, {verification.ObjectsCompared} compared");
        Assert.True(verification.IsClean, string.Join('\n', verification.Differences));
        Assert.True(verification.ObjectsCompared > 100, $"only {verification.ObjectsCompared} objects compared");
    }

    private static string SourceFolder => Path.Combine(Repository.Root(), "tests", "SchemaGen.Corpus", "Migrations");
}
