using SchemaGen;

namespace NotesApi.Migrations;

[Migration(1, "notes", Description = "Notes, newest first")]
internal sealed class Notes : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("""
            CREATE TABLE notes (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX notes_created_at ON notes (created_at DESC);
            """, cancellationToken);
}
