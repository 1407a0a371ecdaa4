namespace SchemaGen;

/// <summary>How an object of the database differs from the schema the migrations build.</summary>
public enum SchemaDriftKind
{
    /// <summary>The migrations make it; the database lacks it.</summary>
    Missing,

    /// <summary>The database has it; no migration makes it.</summary>
    Extra,

    /// <summary>Both have it, differently.</summary>
    Differs,
}

/// <summary>One difference between the database and the schema the migrations build.</summary>
/// <param name="Kind">Missing, extra, or different.</param>
/// <param name="Object">What, by name: <c>table audit_logs</c>, <c>column users.email</c>, <c>index idx_users_email on users</c>.</param>
/// <param name="Expected">What the migrations make of it (for <see cref="SchemaDriftKind.Differs"/> and <see cref="SchemaDriftKind.Missing"/>).</param>
/// <param name="Actual">What the database has (for <see cref="SchemaDriftKind.Differs"/> and <see cref="SchemaDriftKind.Extra"/>).</param>
public sealed record SchemaDrift(SchemaDriftKind Kind, string Object, string? Expected, string? Actual)
{
    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SchemaDriftKind.Missing => $"missing {Object}" + (Expected is null ? "" : $" ({Expected})"),
        SchemaDriftKind.Extra => $"extra {Object}" + (Actual is null ? "" : $" ({Actual})"),
        _ => $"{Object}: the migrations make {Expected}, the database has {Actual}",
    };
}

/// <summary>What <see cref="MigrationRunner.VerifySchemaAsync"/> found. The database is reported on, never changed.</summary>
/// <param name="Differences">Each difference, by object name, in name order; empty when the database is as the migrations build it.</param>
/// <param name="ObjectsCompared">How many tables, views, indexes, sequences and types were compared.</param>
/// <param name="UnknownObjects">How many objects a statement the compiler could not follow may have changed: not compared.</param>
public sealed record SchemaVerification(IReadOnlyList<SchemaDrift> Differences, int ObjectsCompared, int UnknownObjects)
{
    /// <summary>The <c>verify --schema</c> exit code for a drifted schema.</summary>
    public const int DriftedExitCode = 3;

    /// <summary>Whether the database has what the migrations build, as far as the compiler could tell.</summary>
    public bool IsClean => Differences.Count == 0;

    /// <summary>0 when clean, <see cref="DriftedExitCode"/> when not.</summary>
    public int ExitCode => IsClean ? 0 : DriftedExitCode;
}
