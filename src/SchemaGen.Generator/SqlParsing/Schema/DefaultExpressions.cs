using System.Collections.Generic;
using System.Globalization;
using SchemaGen.SqlParsing.Lint;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>
    /// A column default as written, turned into the text <c>pg_get_expr</c> gives it back, for the forms whose catalog text is
    /// certain: numbers, booleans, string literals of text-like, enum and JSON types, argument-less functions, <c>nextval</c>
    /// and the SQL-standard current-time words. Anything else is a default whose text is not known (null).
    /// </summary>
    internal static class DefaultExpressions
    {
        private static readonly HashSet<string> SqlValueFunctions = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME", "CURRENT_USER", "SESSION_USER", "CURRENT_ROLE", "CURRENT_CATALOG", "CURRENT_SCHEMA",
        };

        private static readonly HashSet<string> NumericTypes = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "integer", "bigint", "smallint", "numeric", "real", "double precision",
        };

        /// <summary>Whether the default is none at all (<c>DEFAULT NULL</c> stores nothing).</summary>
        public static bool IsNull(string sql)
        {
            var tokens = TokenRange.Of(sql);
            return tokens.Count == 1 && tokens.Is(0, "NULL");
        }

        /// <param name="sql">The expression after DEFAULT.</param>
        /// <param name="columnType">The column's type as <c>format_type</c> writes it, or null.</param>
        /// <param name="isEnum">Whether a type name is an enum the migrations made.</param>
        public static string? Normalize(string sql, string? columnType, System.Func<string, bool> isEnum)
        {
            var tokens = TokenRange.Of(sql);
            while (tokens.Count >= 2 && tokens.Text(0) == "(" && tokens.InsideParentheses(0).End == tokens.End - 1)
            {
                tokens = tokens.InsideParentheses(0);
            }

            if (tokens.IsEmpty || columnType is null)
            {
                return null;
            }

            var baseType = BaseType(columnType);
            if (tokens.Count == 1)
            {
                return Single(tokens, columnType, baseType, isEnum);
            }

            if (tokens.Count == 2 && tokens.Text(0) == "-" && tokens[1].Kind == SqlTokenKind.Number && IsInteger(tokens.Text(1)) && (baseType == "integer" || baseType == "bigint" || baseType == "smallint"))
            {
                return "'-" + tokens.Text(1) + "'::integer";
            }

            if (tokens.Count == 3 && tokens[0].Kind == SqlTokenKind.Word && tokens.Text(1) == "(" && tokens.Text(2) == ")")
            {
                return tokens.Text(0).ToLowerInvariant() + "()";
            }

            if (tokens.Count == 4 && tokens.Is(0, "nextval") && tokens.Text(1) == "(" && tokens[2].Kind == SqlTokenKind.String && tokens.Text(3) == ")")
            {
                return "nextval(" + tokens.Text(2) + "::regclass)";
            }

            if (tokens.Count == 7 && tokens.Is(0, "nextval") && tokens[2].Kind == SqlTokenKind.String && tokens.Text(3) == ":" && tokens.Text(4) == ":" && tokens.Is(5, "regclass"))
            {
                return "nextval(" + tokens.Text(2) + "::regclass)";
            }

            if (tokens.Count >= 4 && tokens[0].Kind == SqlTokenKind.String && tokens.Text(1) == ":" && tokens.Text(2) == ":")
            {
                var cast = TypeNames.Normalize(tokens.Skip(3), ObjectName.DefaultSchema);
                return cast is not null && BaseType(cast) == baseType ? StringLiteral(tokens.Text(0), columnType, baseType, isEnum) : null;
            }

            return null;
        }

        private static string? Single(TokenRange tokens, string columnType, string baseType, System.Func<string, bool> isEnum)
        {
            var text = tokens.Text(0);
            switch (tokens[0].Kind)
            {
                case SqlTokenKind.Number when IsInteger(text) && NumericTypes.Contains(baseType):
                    return text;
                case SqlTokenKind.Number when (baseType == "numeric" || baseType == "double precision" || baseType == "real") && IsDecimal(text):
                    return text;
                case SqlTokenKind.String:
                    return StringLiteral(text, columnType, baseType, isEnum);
                case SqlTokenKind.Word when baseType == "boolean" && (tokens.Is(0, "true") || tokens.Is(0, "false")):
                    return text.ToLowerInvariant();
                case SqlTokenKind.Word when SqlValueFunctions.Contains(text):
                    return text.ToUpperInvariant();
                default:
                    return null;
            }
        }

        private static string? StringLiteral(string literal, string columnType, string baseType, System.Func<string, bool> isEnum)
        {
            if (literal.Length < 2 || literal[0] != '\'')
            {
                return null;
            }

            if (baseType == "text" || baseType == "character varying" || baseType == "json" || isEnum(baseType))
            {
                return literal + "::" + baseType;
            }

            if ((baseType == "jsonb" && (literal == "'{}'" || literal == "'[]'")) || (columnType.EndsWith("[]", System.StringComparison.Ordinal) && literal == "'{}'"))
            {
                return literal + "::" + columnType;
            }

            return null;
        }

        /// <summary>The type without its length or precision: <c>character varying(20)</c> is <c>character varying</c>.</summary>
        public static string BaseType(string type)
        {
            var open = type.IndexOf('(');
            return open < 0 || type.EndsWith("[]", System.StringComparison.Ordinal) ? type : type.Substring(0, open);
        }

        private static bool IsInteger(string text)
            => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= int.MaxValue;

        private static bool IsDecimal(string text)
        {
            var point = text.IndexOf('.');
            return point > 0 && point < text.Length - 1 && text.IndexOfAny(new[] { 'e', 'E' }) < 0;
        }
    }
}
