using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SchemaGen.Generator.Parse.SchemaModel
{
    /// <summary>
    /// A model's primary key: the <c>[Key]</c> properties (by <c>[Column(Order)]</c>, then declaration order),
    /// else a property named <c>Id</c> or <c>{Class}Id</c>, as EF Core's convention has it.
    /// </summary>
    internal static class KeyReader
    {
        public static List<IPropertySymbol> Read(INamedTypeSymbol type, MappedProperties properties, ModelAttributes attributes)
        {
            var marked = properties.Columns
                .Select((property, position) => (property, position))
                .Where(p => ModelAttributes.Has(p.property, attributes.Key))
                .OrderBy(p => ColumnOrder(p.property, attributes))
                .ThenBy(p => p.position)
                .Select(p => p.property)
                .ToList();
            if (marked.Count > 0)
            {
                return marked;
            }

            var byConvention = properties.FindColumn("Id") ?? properties.FindColumn(type.Name + "Id");
            return byConvention is null ? new List<IPropertySymbol>() : new List<IPropertySymbol> { byConvention };
        }

        /// <summary>The key's column names of another model, for the foreign keys that reference it.</summary>
        public static List<string> ColumnNames(INamedTypeSymbol type, ModelAttributes attributes)
            => Read(type, MappedProperties.Of(type, attributes), attributes).Select(p => ColumnReader.NameOf(p, attributes)).ToList();

        private static int ColumnOrder(IPropertySymbol property, ModelAttributes attributes)
            => ModelAttributes.Named(ModelAttributes.Find(property, attributes.Column), "Order") as int? ?? int.MaxValue;
    }
}
