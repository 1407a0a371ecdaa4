using System.Linq;
using Microsoft.CodeAnalysis;

namespace SchemaGen.Generator.Parse.SchemaModel
{
    /// <summary>The attribute types a model class is read from, resolved once per compilation.</summary>
    internal sealed class ModelAttributes
    {
        private ModelAttributes(Compilation compilation, INamedTypeSymbol table)
        {
            Table = table;
            Column = compilation.GetTypeByMetadataName(WellKnownNames.ColumnAttribute);
            Key = compilation.GetTypeByMetadataName(WellKnownNames.KeyAttribute);
            Required = compilation.GetTypeByMetadataName(WellKnownNames.RequiredAttribute);
            MaxLength = compilation.GetTypeByMetadataName(WellKnownNames.MaxLengthAttribute);
            StringLength = compilation.GetTypeByMetadataName(WellKnownNames.StringLengthAttribute);
            ForeignKey = compilation.GetTypeByMetadataName(WellKnownNames.ForeignKeyAttribute);
            NotMapped = compilation.GetTypeByMetadataName(WellKnownNames.NotMappedAttribute);
            DatabaseGenerated = compilation.GetTypeByMetadataName(WellKnownNames.DatabaseGeneratedAttribute);
            Index = compilation.GetTypeByMetadataName(WellKnownNames.IndexAttribute);
            DefaultValueSql = compilation.GetTypeByMetadataName(WellKnownNames.DefaultValueSqlAttribute);
        }

        public INamedTypeSymbol Table { get; }

        public INamedTypeSymbol? Column { get; }

        public INamedTypeSymbol? Key { get; }

        public INamedTypeSymbol? Required { get; }

        public INamedTypeSymbol? MaxLength { get; }

        public INamedTypeSymbol? StringLength { get; }

        public INamedTypeSymbol? ForeignKey { get; }

        public INamedTypeSymbol? NotMapped { get; }

        public INamedTypeSymbol? DatabaseGenerated { get; }

        public INamedTypeSymbol? Index { get; }

        public INamedTypeSymbol? DefaultValueSql { get; }

        public static ModelAttributes? From(Compilation compilation)
        {
            var table = compilation.GetTypeByMetadataName(WellKnownNames.TableAttribute);
            return table is null ? null : new ModelAttributes(compilation, table);
        }

        public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType)
            => attributeType is null
                ? null
                : symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));

        public static bool Has(ISymbol symbol, INamedTypeSymbol? attributeType) => Find(symbol, attributeType) is not null;

        /// <summary>The attribute's first constructor argument; null when there is none, it does not bind, or it is an array.</summary>
        public static object? FirstArgument(AttributeData? attribute)
            => attribute is { ConstructorArguments: { Length: > 0 } arguments } && arguments[0].Kind != TypedConstantKind.Array
                ? arguments[0].Value
                : null;

        /// <summary>The value of a named argument (<c>Name = ...</c>), or null when it is not set.</summary>
        public static object? Named(AttributeData? attribute, string name)
            => attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value is { Kind: not TypedConstantKind.Array } value ? value.Value : null;

        /// <summary>True for a class marked <c>[Table]</c>: a property of that type is a navigation, not a column.</summary>
        public bool IsModel(ITypeSymbol type) => type is INamedTypeSymbol { TypeKind: TypeKind.Class } && Has(type, Table);
    }
}
