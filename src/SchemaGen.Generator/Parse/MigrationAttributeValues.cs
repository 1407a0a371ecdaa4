using System.Threading;
using Microsoft.CodeAnalysis;

namespace SchemaGen.Generator.Parse
{
    /// <summary>
    /// The arguments of one <c>[Migration(number, name, Description = ..., Transactional = ...)]</c>, or of one
    /// <c>[RepeatableMigration(name, Description = ...)]</c> (<see cref="Repeatable"/>: number 0, always transactional).
    /// </summary>
    internal readonly record struct MigrationAttributeValues(int Number, string Name, string Description, bool Transactional, bool Repeatable = false)
    {
        /// <summary>The migration's id, as the ledger records it.</summary>
        public string Id => Data.MigrationId.Of(Number, Name, Repeatable);

        /// <summary>Reads the attribute; false when its arguments do not bind (the compiler reports that already).</summary>
        public static bool TryRead(AttributeData attribute, out MigrationAttributeValues values)
        {
            values = default;
            var arguments = attribute.ConstructorArguments;
            var repeatable = arguments.Length == 1;
            int number;
            if (repeatable)
            {
                number = 0;
            }
            else if (arguments.Length == 2 && arguments[0].Value is int numbered)
            {
                number = numbered;
            }
            else
            {
                return false;
            }

            var name = arguments[repeatable ? 0 : 1].Value as string ?? string.Empty;
            var description = string.Empty;
            var transactional = true;
            foreach (var named in attribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Description":
                        description = named.Value.Value as string ?? string.Empty;
                        break;
                    case "Transactional" when named.Value.Value is bool value && !repeatable:
                        transactional = value;
                        break;
                }
            }

            values = new MigrationAttributeValues(number, name, description, transactional, repeatable);
            return true;
        }

        /// <summary>
        /// Finds and reads the type's <c>[Migration]</c> (or, when <paramref name="repeatableType"/> is given, its
        /// <c>[RepeatableMigration]</c>), with where it is written (the type's name if it has no syntax).
        /// </summary>
        public static bool TryReadFrom(
            INamedTypeSymbol type,
            INamedTypeSymbol attributeType,
            INamedTypeSymbol? repeatableType,
            CancellationToken cancellationToken,
            out MigrationAttributeValues values,
            out Location attributeLocation)
        {
            values = default;
            attributeLocation = Location.None;
            var attribute = Find(type, attributeType) ?? (repeatableType is null ? null : Find(type, repeatableType));
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
