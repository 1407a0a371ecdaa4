using SchemaGen.Generator.Data;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>
    /// A column as the catalog has it: <see cref="Type"/> as <c>format_type</c> writes it (null: not known), NOT NULL,
    /// and the default as <c>pg_get_expr</c> writes it (<see cref="Default"/> null with <see cref="HasDefault"/>: one whose
    /// text is not known). <see cref="Identity"/> is <c>a</c> (ALWAYS), <c>d</c> (BY DEFAULT) or empty.
    /// </summary>
    internal sealed record ColumnShape(string Name, string? Type, bool NotNull, string? Default, bool HasDefault, string Identity);

    /// <summary>
    /// A constraint: <see cref="Kind"/> is <c>pg_constraint.contype</c> (p, u, f, c, x). <see cref="Columns"/> are the key's
    /// columns (none for a check); <see cref="Mentions"/> the identifiers a check's expression names, which decide what a
    /// dropped or renamed column takes with it.
    /// </summary>
    internal sealed record ConstraintShape(
        string Name, char Kind, EquatableArray<string> Columns, ObjectName References, EquatableArray<string> ReferencedColumns, EquatableArray<string> Mentions);

    /// <summary>
    /// An index: its key columns by name, <c>(expression)</c> for an expression key; <see cref="Mentions"/> the identifiers
    /// its expressions and predicate name.
    /// </summary>
    internal sealed record IndexShape(
        ObjectName Name, ObjectName Table, bool Unique, string Method, EquatableArray<string> Keys, bool Partial, EquatableArray<string> Mentions)
    {
        public const string ExpressionKey = "(expression)";
    }

    /// <summary>A sequence, and the column it belongs to when a serial or identity column made it.</summary>
    internal sealed record SequenceShape(ObjectName Name, ObjectName OwnerTable, string? OwnerColumn);

    /// <summary>A type the migrations made: <see cref="Kind"/> is <c>pg_type.typtype</c> (e enum, c composite, d domain, b base, r range).</summary>
    internal sealed record TypeShape(ObjectName Name, char Kind, EquatableArray<string> Values, bool Known);

    /// <summary>
    /// A table, view or materialized view (<see cref="Kind"/> r, v, m). When <see cref="Known"/> is false a statement the model
    /// could not follow may have changed it: nothing about it is claimed but that the name is taken. <see cref="ConstraintsExact"/>
    /// is false when one of its constraints could not be named. <see cref="CreatedBy"/> is the id of the migration that made it.
    /// </summary>
    internal sealed record RelationShape(
        ObjectName Name,
        char Kind,
        bool Known,
        bool ConstraintsExact,
        string CreatedBy,
        EquatableArray<ColumnShape> Columns,
        EquatableArray<ConstraintShape> Constraints,
        EquatableArray<ObjectName> DependsOn);

    /// <summary>
    /// The schema after the last migration. <see cref="Complete"/> is false once a statement the model could not follow may
    /// have made objects it cannot name: then nothing is called extra. <see cref="Schemas"/> are the schemas it covers.
    /// </summary>
    internal sealed record SchemaSnapshot(
        bool Complete,
        EquatableArray<string> Schemas,
        EquatableArray<RelationShape> Relations,
        EquatableArray<IndexShape> Indexes,
        EquatableArray<SequenceShape> Sequences,
        EquatableArray<TypeShape> Types);
}
