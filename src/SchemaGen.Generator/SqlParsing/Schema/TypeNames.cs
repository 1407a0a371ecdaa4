using System.Collections.Generic;
using System.Globalization;
using SchemaGen.SqlParsing.Lint;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>A column type as written, turned into the name PostgreSQL's <c>format_type</c> gives it; null when that is not certain.</summary>
    internal static class TypeNames
    {
        private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase)
        {
            ["int"] = "integer", ["integer"] = "integer", ["int4"] = "integer", ["serial"] = "integer", ["serial4"] = "integer",
            ["smallint"] = "smallint", ["int2"] = "smallint", ["smallserial"] = "smallint", ["serial2"] = "smallint",
            ["bigint"] = "bigint", ["int8"] = "bigint", ["bigserial"] = "bigint", ["serial8"] = "bigint",
            ["real"] = "real", ["float4"] = "real", ["double precision"] = "double precision", ["float8"] = "double precision",
            ["boolean"] = "boolean", ["bool"] = "boolean", ["text"] = "text",
            ["varchar"] = "character varying", ["character varying"] = "character varying", ["char varying"] = "character varying",
            ["timestamptz"] = "timestamp with time zone", ["timetz"] = "time with time zone",
            ["varbit"] = "bit varying", ["bit varying"] = "bit varying", ["decimal"] = "numeric", ["numeric"] = "numeric",
        };

        /// <summary>Types <c>format_type</c> writes as they are spelled, lower-cased, when they carry no modifier.</summary>
        private static readonly HashSet<string> Plain = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "date", "uuid", "json", "jsonb", "bytea", "inet", "cidr", "macaddr", "macaddr8", "money", "xml", "tsvector", "tsquery",
            "oid", "point", "line", "lseg", "box", "path", "polygon", "circle", "int4range", "int8range", "numrange", "tsrange",
            "tstzrange", "daterange", "regclass", "name", "pg_lsn", "interval", "citext", "hstore", "ltree", "bpchar",
        };

        /// <summary>Words that can only continue a type, never start a column constraint or end one.</summary>
        private static readonly HashSet<string> Modifiers = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase) { "WITH", "WITHOUT", "TIME", "ZONE" };

        /// <summary>The serial pseudo-types' integer types.</summary>
        public static bool IsSerial(TokenRange type) => type.Count == 1 && ColumnTypeAdvice.Serials.Contains(type.Text(0));

        /// <param name="type">The type's tokens.</param>
        /// <param name="defaultSchema">Where an unqualified user type lives.</param>
        public static string? Normalize(TokenRange type, string defaultSchema)
        {
            if (type.IsEmpty)
            {
                return null;
            }

            var words = new List<string>();
            var i = 0;
            ObjectName? userType = null;
            if (type[0].Kind == SqlTokenKind.QuotedIdentifier || (type.Count > 2 && type.Text(1) == "."))
            {
                var name = type.QualifiedName(0, out var length);
                var schema = length > 1 ? type.Identifier(0) : defaultSchema;
                userType = new ObjectName(schema, name);
                i = length;
            }
            else
            {
                while (i < type.Count && type[i].Kind == SqlTokenKind.Word && !type.Is(i, "ARRAY") && (words.Count == 0 || IsContinuation(words, type.Text(i))))
                {
                    words.Add(type.Text(i).ToLowerInvariant());
                    i++;
                }
            }

            var modifiers = new List<string>();
            if (i < type.Count && type.Text(i) == "(")
            {
                var inside = type.InsideParentheses(i);
                foreach (var part in inside.SplitByCommas())
                {
                    if (part.Count != 1 || part[0].Kind != SqlTokenKind.Number)
                    {
                        return null;
                    }

                    modifiers.Add(part.Text(0));
                }

                i = inside.End - type.Start + 1;
            }

            var zone = string.Empty;
            while (i < type.Count && type[i].Kind == SqlTokenKind.Word && Modifiers.Contains(type.Text(i)))
            {
                zone += " " + type.Text(i).ToLowerInvariant();
                i++;
            }

            var arrays = 0;
            while (i < type.Count)
            {
                if (type.Is(i, "ARRAY") || type.Text(i) == "[")
                {
                    arrays = 1;
                    i++;
                    continue;
                }

                if (type.Text(i) == "]" || type[i].Kind == SqlTokenKind.Number)
                {
                    i++;
                    continue;
                }

                return null;
            }

            var baseName = userType is { } user
                ? UserType(user)
                : Base(string.Join(" ", words) + zone, modifiers, defaultSchema);
            return baseName is null ? null : baseName + (arrays > 0 ? "[]" : string.Empty);
        }

        /// <summary>A user type's name: qualified unless it lives in <c>public</c>, quoted as <c>quote_ident</c> would.</summary>
        public static string UserType(ObjectName name)
            => (name.Schema == ObjectName.DefaultSchema ? string.Empty : Quote(name.Schema) + ".") + Quote(name.Name);

        private static bool IsContinuation(List<string> words, string next)
        {
            var first = words[0];
            return (first == "double" && next.Equals("precision", System.StringComparison.OrdinalIgnoreCase))
                || ((first == "character" || first == "char" || first == "bit") && next.Equals("varying", System.StringComparison.OrdinalIgnoreCase))
                || ((first == "timestamp" || first == "time") && Modifiers.Contains(next));
        }

        private static string? Base(string written, List<string> modifiers, string defaultSchema)
        {
            var typmod = modifiers.Count == 0 ? string.Empty : "(" + string.Join(",", modifiers) + ")";
            switch (written)
            {
                case "timestamp":
                case "timestamp without time zone":
                    return "timestamp" + typmod + " without time zone";
                case "timestamp with time zone":
                    return "timestamp" + typmod + " with time zone";
                case "time":
                case "time without time zone":
                    return "time" + typmod + " without time zone";
                case "time with time zone":
                    return "time" + typmod + " with time zone";
                case "char":
                case "character":
                    return modifiers.Count > 1 ? null : "character(" + (modifiers.Count == 0 ? "1" : modifiers[0]) + ")";
                case "bit":
                    return modifiers.Count > 1 ? null : "bit(" + (modifiers.Count == 0 ? "1" : modifiers[0]) + ")";
                case "float":
                    return modifiers.Count == 0 ? "double precision"
                        : int.TryParse(modifiers[0], NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && modifiers.Count == 1 && bits >= 1 && bits <= 53
                            ? (bits <= 24 ? "real" : "double precision") : null;
                case "numeric":
                case "decimal":
                    return modifiers.Count == 1 ? "numeric(" + modifiers[0] + ",0)" : "numeric" + typmod;
            }

            if (Aliases.TryGetValue(written, out var alias))
            {
                var takesLength = alias == "character varying" || alias == "bit varying";
                return modifiers.Count == 0 ? alias : takesLength && modifiers.Count == 1 ? alias + typmod : null;
            }

            if (written.IndexOf(' ') >= 0 || written.Length == 0 || modifiers.Count > 0)
            {
                return null;
            }

            return Plain.Contains(written) ? written : UserType(new ObjectName(defaultSchema, written));
        }

        /// <summary>An identifier as <c>quote_ident</c> writes it: bare when lower-case letters, digits and underscores, not starting with a digit.</summary>
        public static string Quote(string identifier)
        {
            var bare = identifier.Length > 0 && !char.IsDigit(identifier[0]);
            foreach (var c in identifier)
            {
                bare &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            }

            return bare && !ReservedWords.Contains(identifier) ? identifier : "\"" + identifier.Replace("\"", "\"\"") + "\"";
        }

        private static readonly HashSet<string> ReservedWords = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column",
            "constraint", "create", "current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant",
            "group", "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select", "session_user", "some",
            "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where", "window", "with",
        };
    }
}
