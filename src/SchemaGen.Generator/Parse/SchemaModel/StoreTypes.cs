using System.Collections.Generic;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace SchemaGen.Generator.Parse.SchemaModel
{
    /// <summary>
    /// PostgreSQL types for CLR types, and <c>[Column(TypeName)]</c> spellings brought to the form <c>format_type</c> prints,
    /// so the model compares with the live database as text.
    /// </summary>
    internal static class StoreTypes
    {
        private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>
        {
            ["int"] = "integer", ["int4"] = "integer", ["integer"] = "integer",
            ["int8"] = "bigint", ["bigint"] = "bigint",
            ["int2"] = "smallint", ["smallint"] = "smallint",
            ["bool"] = "boolean", ["boolean"] = "boolean",
            ["varchar"] = "character varying", ["character varying"] = "character varying",
            ["char"] = "character", ["character"] = "character", ["bpchar"] = "character",
            ["float8"] = "double precision", ["double precision"] = "double precision", ["float"] = "double precision",
            ["float4"] = "real", ["real"] = "real",
            ["decimal"] = "numeric", ["numeric"] = "numeric",
            ["timestamptz"] = "timestamp with time zone", ["timestamp with time zone"] = "timestamp with time zone",
            ["timestamp"] = "timestamp without time zone", ["timestamp without time zone"] = "timestamp without time zone",
            ["timetz"] = "time with time zone", ["time with time zone"] = "time with time zone",
            ["time"] = "time without time zone", ["time without time zone"] = "time without time zone",
        };

        private static readonly Dictionary<string, string> Serials = new Dictionary<string, string>
        {
            ["serial"] = "integer", ["serial4"] = "integer",
            ["bigserial"] = "bigint", ["serial8"] = "bigint",
            ["smallserial"] = "smallint", ["serial2"] = "smallint",
        };

        private static readonly Regex Shape = new Regex(@"^(?<base>[^(\[]+)\s*(?<modifiers>\([^)]*\))?\s*(?<suffix>[^(\[]*?)\s*(?<array>(\[\])*)$");

        /// <summary>The type for a CLR type, or null when SchemaGen has no mapping (SG0201).</summary>
        public static string? ForClrType(ITypeSymbol type, int? maxLength)
        {
            if (type is IArrayTypeSymbol array)
            {
                if (array.ElementType.SpecialType == SpecialType.System_Byte)
                {
                    return "bytea";
                }

                var element = array.ElementType is IArrayTypeSymbol ? null : ForClrType(array.ElementType, maxLength);
                return element is null ? null : element + "[]";
            }

            if (type is INamedTypeSymbol { EnumUnderlyingType: { } underlying })
            {
                return ForClrType(underlying, maxLength);
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Int32: return "integer";
                case SpecialType.System_Int64: return "bigint";
                case SpecialType.System_Int16:
                case SpecialType.System_Byte: return "smallint";
                case SpecialType.System_Boolean: return "boolean";
                case SpecialType.System_String: return maxLength is int length ? $"character varying({length})" : "text";
                case SpecialType.System_Decimal: return "numeric";
                case SpecialType.System_Double: return "double precision";
                case SpecialType.System_Single: return "real";
                case SpecialType.System_DateTime: return "timestamp without time zone";
            }

            switch (type.ToDisplayString())
            {
                case "System.Guid": return "uuid";
                case "System.DateTimeOffset": return "timestamp with time zone";
                case "System.DateOnly": return "date";
                case "System.TimeOnly": return "time without time zone";
                case "System.TimeSpan": return "interval";
                default: return null;
            }
        }

        /// <summary>
        /// A <c>[Column(TypeName)]</c> in <c>format_type</c>'s spelling (<c>varchar(45)</c> → <c>character varying(45)</c>,
        /// <c>timestamptz</c> → <c>timestamp with time zone</c>); <paramref name="isSerial"/> for the serial pseudo-types,
        /// which are stored as their integer type. Unknown types (domains, extensions) are kept as written.
        /// </summary>
        public static string FromTypeName(string typeName, out bool isSerial)
        {
            isSerial = false;
            var written = Regex.Replace(typeName.Trim(), @"\s+", " ");
            if (written.IndexOf('"') >= 0)
            {
                return written;
            }

            var match = Shape.Match(written.ToLowerInvariant());
            if (!match.Success)
            {
                return written.ToLowerInvariant();
            }

            var baseName = (match.Groups["base"].Value.Trim() + " " + match.Groups["suffix"].Value).Trim();
            var modifiers = match.Groups["modifiers"].Value.Replace(" ", "");
            var arraySuffix = match.Groups["array"].Value;
            if (modifiers.Length == 0 && arraySuffix.Length == 0 && Serials.TryGetValue(baseName, out var serialType))
            {
                isSerial = true;
                return serialType;
            }

            if (!Aliases.TryGetValue(baseName, out var canonical))
            {
                return written.ToLowerInvariant();
            }

            if (canonical == "character" && modifiers.Length == 0)
            {
                modifiers = "(1)";
            }

            var space = canonical.IndexOf(' ');
            var withModifiers = modifiers.Length > 0 && canonical.StartsWith("time", System.StringComparison.Ordinal) && space > 0
                ? canonical.Substring(0, space) + modifiers + canonical.Substring(space)
                : canonical + modifiers;
            return withModifiers + arraySuffix;
        }
    }
}
