using System.Threading;
using Microsoft.CodeAnalysis;

namespace SchemaGen.Generator.Parse
{
    /// <summary>The arguments of one <c>[Migration(number, name, Description = ..., Transactional = ...)]</c>.</summary>
    internal readonly record struct MigrationAttributeValues(int Number, string Name, string Description, bool Transactional)
    {
        /// <summary>Reads the attribute; false when its arguments do not bind (the compiler reports that already).</summary>
        public static bool TryRead(AttributeData attribute, out MigrationAttributeValues values)
        {
            values = default;
            var arguments = attribute.ConstructorArguments;
            if (arguments.Length != 2 || arguments[0].Value is not int number)
            {
                return false;
            }

            var name = arguments[1].Value as string ?? string.Empty;
            var description = string.Empty;
            var transactional = true;
            foreach (var named in attribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Description":
                        description = named.Value.Value as string ?? string.Empty;
                        break;
                    case "Transactional" when named.Value.Value is bool value:
                        transactional = value;
                        break;
                }
            }

            values = new MigrationAttributeValues(number, name, description, transactional);
            return true;
        }

        /// <summary>Finds and reads the type's <c>[Migration]</c>, with where it is written (the type's name if it has no syntax).</summary>
        public static bool TryReadFrom(
            INamedTypeSymbol type,
            INamedTypeSymbol attributeType,
            CancellationToken cancellationToken,
            out MigrationAttributeValues values,
            out Location attributeLocation)
        {
            values = default;
            attributeLocation = Location.None;
            var attribute = Find(type, attributeType);
            if (attribute is null || !TryRead(attribute, out values))
            {
                return false;
            }

            attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? type.Locations[0];
            return true;
        }

        private static AttributeData? Find(INamedTypeSymbol type, INamedTypeSymbol attributeType)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    return attribute;
                }
            }

            return null;
        }
    }
}
