using SchemaGen.Generator.Data;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>What one statement does to the schema, in the order it does it.</summary>
    internal enum ChangeKind
    {
        CreateTable,
        CreateUnknownRelation,
        CreateView,
        DropRelation,
        Rename,
        SetSchema,
        AddColumn,
        DropColumn,
        RenameColumn,
        SetType,
        SetNotNull,
        DropNotNull,
        SetDefault,
        DropDefault,
        AddIdentity,
        DropIdentity,
        AddConstraint,
        DropConstraint,
        RenameConstraint,
        CreateIndex,
        DropIndex,
        CreateSequence,
        CreateType,
        AddEnumValue,
        RenameEnumValue,
        DropType,
        RenameType,
        CreateSchema,
        DropSchema,
        DefineFunction,
        CallFunctions,
        AutoSchema,
        MayTouch,
        MayTouchAnything,
        AddsUnnamedObjects,
    }

    /// <summary>
    /// A column as a statement defines it: the type normalized, the default as written (the catalog's form depends on the
    /// column's type, known only when the change is applied).
    /// </summary>
    internal sealed record ColumnSpec(string Name, string? Type, bool NotNull, string? DefaultSql, string Identity, bool Serial, bool Generated);

    /// <summary>A constraint as a statement defines it; <see cref="Name"/> null for PostgreSQL to choose, <see cref="UsingIndex"/> for <c>USING INDEX</c>.</summary>
    internal sealed record ConstraintSpec(
        string? Name, char Kind, EquatableArray<string> Columns, ObjectName References, EquatableArray<string> ReferencedColumns, EquatableArray<string> Mentions, string? UsingIndex);

    /// <summary>An index as <c>CREATE INDEX</c> defines it; <see cref="NameParts"/> are what PostgreSQL names an unnamed one after.</summary>
    internal sealed record IndexSpec(
        string? Name, ObjectName Table, bool Unique, string Method, EquatableArray<string> Keys, EquatableArray<string> NameParts, bool Partial, EquatableArray<string> Mentions, bool IfNotExists);

    /// <summary>
    /// One change, with the fields its kind uses: <see cref="Target"/> the relation, type or schema it acts on; <see cref="Name"/>
    /// a column, constraint or new name; <see cref="Text"/> a type, default or enum value; <see cref="Items"/> names or values;
    /// <see cref="Option"/> IF [NOT] EXISTS, OR REPLACE or CASCADE as the kind reads it; <see cref="Kind2"/> a relation or type kind.
    /// </summary>
    internal sealed record SchemaChange(
        ChangeKind Kind,
        ObjectName Target,
        string? Name = null,
        string? Text = null,
        bool Option = false,
        char Kind2 = ' ',
        ColumnSpec? Column = null,
        ConstraintSpec? Constraint = null,
        IndexSpec? Index = null,
        EquatableArray<ColumnSpec> Columns = default,
        EquatableArray<ConstraintSpec> Constraints = default,
        EquatableArray<string> Items = default,
        EquatableArray<ObjectName> Names = default);

    /// <summary>
    /// What one migration does to the schema: its changes in order, and the statements the model could not follow
    /// (<c>line N: first line</c>), whose effect the changes mark as unknown.
    /// </summary>
    internal sealed record MigrationEffect(string MigrationId, EquatableArray<SchemaChange> Changes, EquatableArray<string> Unfollowed)
    {
        public static MigrationEffect Empty(string migrationId) => new MigrationEffect(migrationId, EquatableArray<SchemaChange>.Empty, EquatableArray<string>.Empty);
    }
}
