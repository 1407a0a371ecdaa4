namespace SchemaGen;

/// <summary>
/// Marks a class deriving from <see cref="Migration"/> as a repeatable migration: objects defined as a whole (views, functions,
/// triggers, grants), applied after the numbered migrations, in name order, whenever its checksum differs from the one the
/// ledger recorded for it, in a transaction. The generator adds it to <c>MigrationRegistry.All.Repeatables</c>.
/// An <c>R_&lt;name&gt;.sql</c> file in the migrations folder is one too.
/// </summary>
/// <param name="name">A snake_case name, unique among the repeatable migrations (for example <c>reporting_views</c>); its id is <c>R_</c> and the name.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RepeatableMigrationAttribute(string name) : Attribute
{
    /// <summary>The snake_case name.</summary>
    public string Name { get; } = name;

    /// <summary>A human-readable description, recorded in the ledger and logged.</summary>
    public string? Description { get; set; }
}
