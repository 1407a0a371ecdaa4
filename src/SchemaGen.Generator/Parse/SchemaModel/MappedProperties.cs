using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SchemaGen.Generator.Parse.SchemaModel
{
    /// <summary>
    /// The public instance properties of a model and its base classes (base first, in declaration order), without
    /// <c>[NotMapped]</c> ones, split into columns and navigations (properties whose type is another model, or a collection of one).
    /// </summary>
    internal sealed class MappedProperties
    {
        private MappedProperties(List<IPropertySymbol> columns, List<IPropertySymbol> navigations)
        {
            Columns = columns;
            Navigations = navigations;
        }

        public List<IPropertySymbol> Columns { get; }

        /// <summary>Reference navigations: a foreign key lives on this side.</summary>
        public List<IPropertySymbol> Navigations { get; }

        public static MappedProperties Of(INamedTypeSymbol type, ModelAttributes attributes)
        {
            var chain = new List<INamedTypeSymbol>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                chain.Insert(0, current);
            }

            var order = new List<string>();
            var byName = new Dictionary<string, IPropertySymbol>();
            foreach (var declaring in chain)
            {
                foreach (var member in declaring.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property
                        && !ModelAttributes.Has(property, attributes.NotMapped))
                    {
                        if (!byName.ContainsKey(property.Name))
                        {
                            order.Add(property.Name);
                        }

                        byName[property.Name] = property;
                    }
                }
            }

            var columns = new List<IPropertySymbol>();
            var navigations = new List<IPropertySymbol>();
            foreach (var name in order)
            {
                var property = byName[name];
                if (attributes.IsModel(property.Type))
                {
                    navigations.Add(property);
                }
                else if (!IsCollectionOfModels(property.Type, attributes))
                {
                    columns.Add(property);
                }
            }

            return new MappedProperties(columns, navigations);
        }

        public IPropertySymbol? FindColumn(string propertyName) => Columns.Find(p => p.Name == propertyName);

        private static bool IsCollectionOfModels(ITypeSymbol type, ModelAttributes attributes)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return false;
            }

            if (type is IArrayTypeSymbol array)
            {
                return attributes.IsModel(array.ElementType);
            }

            var candidates = type is INamedTypeSymbol named ? type.AllInterfaces.Add(named) : type.AllInterfaces;
            foreach (var candidate in candidates)
            {
                if (candidate is { IsGenericType: true, TypeArguments.Length: 1 }
                    && candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                    && attributes.IsModel(candidate.TypeArguments[0]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
