namespace SchemaGen;

/// <summary>
/// Marks a class deriving from <see cref="Migration"/> as migration <paramref name="number"/>.
/// Numbers start at 1 and run without gaps; the generator checks this at compile time.
/// </summary>
/// <param name="number">The migration's position in the order, from 1.</param>
/// <param name="name">A snake_case name, unique in the assembly (for example <c>audit_log</c>).</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MigrationAttribute(int number, string name) : Attribute
{
    /// <summary>The migration's position in the order, from 1.</summary>
    public int Number { get; } = number;

    /// <summary>The snake_case name; with the number it forms the id, such as <c>001_audit_log</c>.</summary>
    public string Name { get; } = name;

    /// <summary>A human-readable description, recorded in the ledger and logged.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// Whether the migration runs inside a transaction together with its ledger row (the default).
    /// Set to <see langword="false"/> for statements PostgreSQL refuses in a transaction,
    /// such as <c>CREATE INDEX CONCURRENTLY</c>.
    /// </summary>
    public bool Transactional { get; set; } = true;
}
