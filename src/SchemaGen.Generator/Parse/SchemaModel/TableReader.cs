using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;

namespace SchemaGen.Generator.Parse.SchemaModel
{
    /// <summary>
    /// Reads one <c>[Table]</c> class into a <see cref="TableInfo"/>. Shared by the generator (which passes no
    /// problems) and the analyzer (which reports them), so both read a model the same way.
    /// </summary>
    internal static class TableReader
    {
        public static TableRead Read(INamedTypeSymbol type, ModelAttributes attributes, CancellationToken cancellationToken)
        {
            var problems = new ModelProblems();
            var table = ModelAttributes.Find(type, attributes.Table);
            if (ModelAttributes.FirstArgument(table) is not string name || name.Length == 0)
            {
                return new TableRead(null, problems);
            }

            var schema = ModelAttributes.Named(table, "Schema") as string;
            problems.CheckLength("table", name, ModelProblems.Of(table, type));

            var properties = MappedProperties.Of(type, attributes);
            var key = KeyReader.Read(type, properties, attributes);
            if (key.Count == 0)
            {
                problems.Report(DiagnosticDescriptors.TableWithoutKey, () => type.Locations[0], type.Name, name);
            }

            var columns = properties.Columns
                .Select(property =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var isKey = key.Contains(property, SymbolEqualityComparer.Default);
                    return ColumnReader.Read(property, isKey, isKey && key.Count == 1, attributes, problems);
                })
                .ToList();
            var foreignKeys = ForeignKeyReader.Read(properties, attributes, problems);
            var indexes = IndexReader.Read(type, name, properties, columns, attributes, problems);

            return new TableRead(new TableInfo(
                schema,
                name,
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                new EquatableArray<ColumnInfo>(columns.Where(c => c is not null).ToArray()!),
                new EquatableArray<string>(key.Select(p => ColumnReader.NameOf(p, attributes)).ToArray()),
                new EquatableArray<ForeignKeyInfo>(foreignKeys.ToArray()),
                new EquatableArray<IndexInfo>(indexes.ToArray())), problems);
        }

        /// <summary>The generator's transform: the model of a class FAWMN found, and where it declares its parts; or null.</summary>
        public static TableModelRead? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type
                || ModelAttributes.From(context.SemanticModel.Compilation) is not { } attributes
                || Read(type, attributes, cancellationToken) is not { Table: { } table } read)
            {
                return null;
            }

            var columns = MappedProperties.Of(type, attributes).Columns
                .Where(property => property.Locations.Length > 0 && property.Locations[0].IsInSource)
                .Select(property => new NamedLocation(ColumnReader.NameOf(property, attributes), At(property.Locations[0])));
            var indexes = read.Problems.IndexNames.Select(pair => new NamedLocation(pair.Key, At(pair.Value())));
            var sites = new TableSites(table.FullyQualifiedTypeName, At(type.Locations[0]), EquatableArray.From(columns), EquatableArray.From(indexes));
            return new TableModelRead(table, sites);
        }

        private static LocationInfo At(Location location) => new LocationInfo(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan.Start, location.SourceSpan.Length);
    }
}
