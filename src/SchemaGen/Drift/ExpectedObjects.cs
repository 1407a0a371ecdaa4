namespace SchemaGen.Drift;

/// <summary>A column the migrations build; <see cref="Type"/> and <see cref="Default"/> are null where the compiler could not tell them.</summary>
internal sealed record ExpectedColumn(string Name, string? Type, bool NotNull, DefaultExpectation Default, string? DefaultText, string Identity);

/// <summary>What a column's default is expected to be.</summary>
internal enum DefaultExpectation
{
    None,
    Known,
    SomeDefault,
}

internal sealed record ExpectedConstraint(string Name, char Kind, string[] Columns, string? ReferencedSchema, string? ReferencedTable, string[] ReferencedColumns);

internal sealed record ExpectedIndex(string Schema, string Name, string Table, bool Unique, string Method, string[] Keys, bool Partial);

internal sealed record ExpectedSequence(string Schema, string Name, string? OwnerTable);

internal sealed record ExpectedType(string Schema, string Name, char Kind, bool Known, string[] Values);

internal sealed record ExpectedRelation(string Schema, string Name, char Kind, bool Known, bool ConstraintsExact)
{
    public List<ExpectedColumn> Columns { get; } = [];

    public List<ExpectedConstraint> Constraints { get; } = [];
}
