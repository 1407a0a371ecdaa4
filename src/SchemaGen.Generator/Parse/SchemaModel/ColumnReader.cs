using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Data.SchemaModel;

namespace SchemaGen.Generator.Parse.SchemaModel
{
    /// <summary>One property → one column: name, PostgreSQL type, nullability, default and value generation.</summary>
    internal static class ColumnReader
    {
        private const int DatabaseGeneratedNone = 0;
        private const int DatabaseGeneratedIdentity = 1;

        public static string NameOf(IPropertySymbol property, ModelAttributes attributes)
            => NameOf(property, ModelAttributes.Find(property, attributes.Column));

        /// <summary>The column, or null when the type has no mapping (SG0201 reported).</summary>
        public static ColumnInfo? Read(IPropertySymbol property, bool isKey, bool isSoleKey, ModelAttributes attributes, ModelProblems problems)
        {
            var column = ModelAttributes.Find(property, attributes.Column);
            var name = NameOf(property, column);
            problems.CheckLength("column", name, ModelProblems.Of(column, property));

            var clrType = property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : property.Type;
            var typeName = ModelAttributes.Named(column, "TypeName") as string;
            var isSerial = false;
            var storeType = !string.IsNullOrWhiteSpace(typeName)
                ? StoreTypes.FromTypeName(typeName!, out isSerial)
                : StoreTypes.ForClrType(clrType, MaxLength(property, attributes));
            if (storeType is null)
            {
                problems.Report(DiagnosticDescriptors.UnsupportedPropertyType, () => TypeLocation(property),
                    property.ContainingType.Name, property.Name, property.Type.ToDisplayString());
                return null;
            }

            var defaultSql = ModelAttributes.FirstArgument(ModelAttributes.Find(property, attributes.DefaultValueSql)) as string;
            return new ColumnInfo(
                name,
                storeType,
                !isKey && IsNullable(property, attributes),
                defaultSql,
                isSerial ? "Serial" : IsIdentity(property, storeType, isSoleKey, defaultSql, attributes) ? "Identity" : "None");
        }

        private static bool IsNullable(IPropertySymbol property, ModelAttributes attributes)
        {
            if (ModelAttributes.Has(property, attributes.Required))
            {
                return false;
            }

            return property.Type.IsValueType
                ? property.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                : property.NullableAnnotation != NullableAnnotation.NotAnnotated;
        }

        /// <summary>
        /// An integer sole key is an identity column unless <c>[DatabaseGenerated(None)]</c> or a default says otherwise;
        /// <c>[DatabaseGenerated(Identity)]</c> makes any integer column one.
        /// </summary>
        private static bool IsIdentity(IPropertySymbol property, string storeType, bool isSoleKey, string? defaultSql, ModelAttributes attributes)
        {
            if (storeType != "integer" && storeType != "bigint" && storeType != "smallint")
            {
                return false;
            }

            var generated = ModelAttributes.FirstArgument(ModelAttributes.Find(property, attributes.DatabaseGenerated)) as int?;
            return generated == DatabaseGeneratedIdentity || (isSoleKey && generated != DatabaseGeneratedNone && defaultSql is null);
        }

        private static string NameOf(IPropertySymbol property, AttributeData? column)
            => ModelAttributes.FirstArgument(column) as string ?? SnakeCase.From(property.Name);

        private static int? MaxLength(IPropertySymbol property, ModelAttributes attributes)
            => ModelAttributes.FirstArgument(ModelAttributes.Find(property, attributes.MaxLength) ?? ModelAttributes.Find(property, attributes.StringLength)) as int?;

        private static Location TypeLocation(IPropertySymbol property)
        {
            switch (property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax())
            {
                case PropertyDeclarationSyntax declaration: return declaration.Type.GetLocation();
                case ParameterSyntax { Type: { } type }: return type.GetLocation();
                default: return property.Locations[0];
            }
        }
    }
}
