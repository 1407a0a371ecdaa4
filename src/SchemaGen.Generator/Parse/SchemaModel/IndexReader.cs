using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;

namespace SchemaGen.Generator.Parse.SchemaModel
{
    /// <summary>
    /// The model's <c>[Index]</c> attributes, each column named by a mapped property (<c>nameof</c>) or a column name.
    /// An index without a name is called <c>ix_{table}_{column}_{column}…</c>.
    /// </summary>
    internal static class IndexReader
    {
        public static List<IndexInfo> Read(
            INamedTypeSymbol type, string table, MappedProperties properties, IReadOnlyList<ColumnInfo?> columns,
            ModelAttributes attributes, ModelProblems problems)
        {
            var indexes = new List<IndexInfo>();
            foreach (var attribute in type.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributes.Index)))
            {
                var written = attribute.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Array, IsNull: false } array
                    ? array.Values.Select(v => v.Value as string ?? "").ToList()
                    : new List<string>();
                var resolved = written.Select(entry => Resolve(entry, properties, columns, attributes)).ToList();
                var name = ModelAttributes.Named(attribute, "Name") as string ?? "ix_" + table + "_" + string.Join("_", resolved.Select((c, i) => c ?? written[i]));
                problems.CheckLength("index", name, ModelProblems.Of(attribute, type));
                problems.IndexNames.Add(new KeyValuePair<string, System.Func<Location>>(name, ModelProblems.Of(attribute, type)));

                for (var i = 0; i < written.Count; i++)
                {
                    if (resolved[i] is null)
                    {
                        var argument = i;
                        problems.Report(DiagnosticDescriptors.IndexColumnNotFound, () => ArgumentLocation(attribute, argument, type), name, type.Name, written[i]);
                    }
                }

                if (written.Count > 0 && resolved.All(c => c is not null))
                {
                    indexes.Add(new IndexInfo(
                        name,
                        new EquatableArray<string>(resolved.ToArray()!),
                        ModelAttributes.Named(attribute, "IsUnique") is true,
                        ModelAttributes.Named(attribute, "Method") as string));
                }
            }

            return indexes;
        }

        private static string? Resolve(string entry, MappedProperties properties, IReadOnlyList<ColumnInfo?> columns, ModelAttributes attributes)
        {
            var property = properties.FindColumn(entry);
            if (property is not null)
            {
                return ColumnReader.NameOf(property, attributes);
            }

            return columns.Any(c => c?.Name == entry) ? entry : null;
        }

        private static Location ArgumentLocation(AttributeData attribute, int position, ISymbol fallback)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList: { } list } syntax)
            {
                var positional = list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
                return position < positional.Count ? positional[position].GetLocation() : syntax.GetLocation();
            }

            return ModelProblems.Of(attribute, fallback)();
        }
    }
}
