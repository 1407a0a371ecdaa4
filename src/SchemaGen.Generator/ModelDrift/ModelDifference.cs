using SchemaGen.SqlParsing.Schema;

namespace SchemaGen.Generator.ModelDrift
{
    internal enum ModelDifferenceKind
    {
        MissingTable,
        MissingColumn,
        ColumnType,
        ColumnNullability,
        ColumnDefault,
        MissingIndex,
        ExtraColumn,
        ExtraTable,
    }

    /// <summary>
    /// One way a <c>[Table]</c> model and the schema after the last migration differ. <see cref="Owner"/> is the model's type
    /// (or, for <see cref="ModelDifferenceKind.ExtraTable"/>, the id of the migration whose frozen auto-schema made the table);
    /// <see cref="Member"/> the column or index; <see cref="InSchema"/> and <see cref="InModel"/> what each has, as messages show it.
    /// </summary>
    internal sealed record ModelDifference(ModelDifferenceKind Kind, string Owner, ObjectName Table, string Member, string InSchema, string InModel)
    {
        /// <summary>What the diagnostic says, after the table's name.</summary>
        public string Describe() => Kind switch
        {
            ModelDifferenceKind.MissingTable => "no migration creates this table",
            ModelDifferenceKind.MissingColumn => $"no migration adds column {Member}",
            ModelDifferenceKind.ColumnType => $"column {Member} is {InSchema} after the last migration, and the model makes it {InModel}",
            ModelDifferenceKind.ColumnNullability => $"column {Member} is {InSchema} after the last migration, and the model makes it {InModel}",
            ModelDifferenceKind.ColumnDefault => $"column {Member} has {InSchema} after the last migration, and the model gives it {InModel}",
            ModelDifferenceKind.MissingIndex => $"no migration creates index {Member}",
            ModelDifferenceKind.ExtraColumn => $"the schema has column {Member}, which the model no longer maps",
            _ => "the schema has this table, which auto-schema created from a model that is gone",
        };
    }
}
