namespace SchemaGen;

/// <summary>Another migration tool whose history <see cref="MigrationRunnerOptions.ImportHistoryFrom"/> can take over.</summary>
public enum MigrationHistorySource
{
    /// <summary>No import.</summary>
    None,

    /// <summary>Flyway's <c>flyway_schema_history</c>: version N (a whole number) becomes migration N; a <c>BASELINE</c> row at version N stands for 1 to N.</summary>
    Flyway,

    /// <summary>sqlx's <c>_sqlx_migrations</c>: the applied versions in ascending order become migrations 1, 2, 3….</summary>
    Sqlx,
}
