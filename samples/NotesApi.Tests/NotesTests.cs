using SchemaGen.Generated;
using SchemaGen.Testing;

namespace NotesApi.Tests;

/// <summary>The web sample's migrations, applied once to a template; each test clones its own database from it.</summary>
public sealed class NotesDatabases() : MigratedDatabaseFixture(MigrationRegistry.All);

public sealed class NotesTests(NotesDatabases databases) : IClassFixture<NotesDatabases>
{
    [Fact]
    public async Task A_note_gets_an_id_and_its_time()
    {
        await using var db = await databases.CreateDatabaseAsync();
        await using var insert = db.DataSource.CreateCommand("INSERT INTO notes (text) VALUES ('first') RETURNING id, created_at <= now()");
        await using var reader = await insert.ExecuteReaderAsync(TestContext.Current.CancellationToken);

        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.True(reader.GetBoolean(1));
    }

    [Fact]
    public async Task An_empty_note_is_refused_by_the_schema()
    {
        await using var db = await databases.CreateDatabaseAsync();
        await using var insert = db.DataSource.CreateCommand("INSERT INTO notes (text) VALUES ('')");

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));

        Assert.Equal("23514", error.SqlState);
    }
}
