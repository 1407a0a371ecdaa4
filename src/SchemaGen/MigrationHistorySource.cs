namespace SchemaGen;

/// <summary>Another migration tool whose history <see cref="MigrationRunnerOptions.ImportHistoryFrom"/> can take over.</summary>
public enum MigrationHistorySource
{
    /// <summary>No import.</summary>
    None,

    /// <summary>
    /// Flyway's <c>flyway_schema_history</c>: version N (a whole number) is migration N, whose name must be the description in snake_case;
    /// a <c>BASELINE</c> row at version N stands for 1 to N; checksums (CRC-32 of the file's lines) are compared for SQL files.
    /// </summary>
    Flyway,

    /// <summary>
    /// sqlx's <c>_sqlx_migrations</c>: each version is the migration whose name is its description in snake_case; checksums
    /// (SHA-384 of the file) are compared for SQL files; versions must be in the migrations' order.
    /// </summary>
    Sqlx,
}
