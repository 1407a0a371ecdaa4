using Npgsql;

namespace NotesApi;

/// <summary>GET and POST /notes.</summary>
internal static class NoteEndpoints
{
    public static void MapNotes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/notes", async (NpgsqlDataSource db, CancellationToken cancellationToken) =>
        {
            await using var command = db.CreateCommand("SELECT id, text, created_at FROM notes ORDER BY created_at DESC, id DESC LIMIT 50");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var notes = new List<Note>();
            while (await reader.ReadAsync(cancellationToken))
            {
                notes.Add(new Note(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }

            return notes.ToArray();
        });

        app.MapPost("/notes", async (NewNote note, NpgsqlDataSource db, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(note.Text) || note.Text.Length > 2000)
            {
                return Results.BadRequest("A note's text is 1 to 2000 characters.");
            }

            await using var command = db.CreateCommand("INSERT INTO notes (text) VALUES ($1) RETURNING id, created_at");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = note.Text });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var created = new Note(reader.GetInt64(0), note.Text, reader.GetFieldValue<DateTimeOffset>(1));
            return Results.Created($"/notes/{created.Id}", created);
        });
    }
}
