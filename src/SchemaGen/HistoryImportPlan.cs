using SchemaGen.Adopting;

namespace SchemaGen;

/// <summary>
/// How another tool's history maps onto this build's migrations, row by row, and every difference that refuses the import.
/// <see cref="MigrationRunner.PlanHistoryImportAsync"/> returns it and writes nothing; the <c>import --dry-run</c> verb prints it.
/// </summary>
public sealed class HistoryImportPlan
{
    internal HistoryImportPlan(
        MigrationHistorySource source,
        string table,
        IReadOnlyList<HistoryImportRow> rows,
        IReadOnlyList<string> differences,
        IReadOnlyList<string> acceptedDifferences,
        IReadOnlyList<AdoptedMigration> adopted)
    {
        Source = source;
        Table = table;
        Rows = rows;
        Differences = differences;
        AcceptedDifferences = acceptedDifferences;
        Adopted = adopted;
    }

    /// <summary>The tool the history is from.</summary>
    public MigrationHistorySource Source { get; }

    /// <summary>The history table, as PostgreSQL names it.</summary>
    public string Table { get; }

    /// <summary>Every row of the history in the tool's order, with the migration it maps to and how its checksum compared.</summary>
    public IReadOnlyList<HistoryImportRow> Rows { get; }

    /// <summary>The differences that refuse the import, each naming the row, the migration and what to do; empty when it can go ahead.</summary>
    public IReadOnlyList<string> Differences { get; }

    /// <summary>The differences <see cref="MigrationRunnerOptions.ImportAcceptedDifferences"/> accepted by migration number.</summary>
    public IReadOnlyList<string> AcceptedDifferences { get; }

    /// <summary>Whether nothing refuses the import.</summary>
    public bool CanImport => Differences.Count == 0;

    /// <summary>How many migrations (1 to this) the import records as applied.</summary>
    public int MigrationCount => Adopted.Count;

    internal IReadOnlyList<AdoptedMigration> Adopted { get; }
}

/// <summary>
/// One row of another tool's history: its key (sqlx or Flyway version), its description, the migration it maps to (or what
/// happens to it: skipped, refused), and the checksum comparison (<c>matches</c>, <c>differs</c>, or why it was not compared).
/// </summary>
public sealed record HistoryImportRow(string ForeignKey, string Description, int? Number, string Migration, string Checksum);
