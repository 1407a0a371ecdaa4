namespace SchemaGen.Generator.Data.SchemaModel
{
    /// <summary>A column's or index's name and where the model declares it.</summary>
    internal sealed record NamedLocation(string Name, LocationInfo Location);

    /// <summary>
    /// Where one <c>[Table]</c> model declares its parts, kept apart from <see cref="TableInfo"/> so that an edit that only
    /// moves lines leaves the model, and everything built from it, cached.
    /// </summary>
    internal sealed record TableSites(string FullyQualifiedTypeName, LocationInfo Class, EquatableArray<NamedLocation> Columns, EquatableArray<NamedLocation> Indexes);

    /// <summary>The generator's read of one model: the model and its sites.</summary>
    internal sealed record TableModelRead(TableInfo Table, TableSites Sites);
}
