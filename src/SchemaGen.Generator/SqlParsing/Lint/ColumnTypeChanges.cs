using System.Globalization;

namespace SchemaGen.SqlParsing.Lint
{
    /// <summary>
    /// Type changes PostgreSQL makes without rewriting the table (<c>ATColumnChangeRequiresRewrite</c>): the same type, a varchar
    /// made longer, unbounded or text, text made an unbounded varchar, a numeric given more precision at the same scale, a bit
    /// varying made longer, cidr made inet. Anything else (text to varchar(n) included: every row is checked) rewrites.
    /// </summary>
    internal static class ColumnTypeChanges
    {
        public static bool IsBinaryCompatible(string oldType, string newType)
        {
            if (oldType == newType)
            {
                return true;
            }

            foreach (var family in new[] { "character varying", "bit varying" })
            {
                if (oldType.StartsWith(family, System.StringComparison.Ordinal) && newType.StartsWith(family, System.StringComparison.Ordinal))
                {
                    return newType == family || (Length(oldType) is { } from && Length(newType) is { } to && to >= from);
                }
            }

            if (oldType.StartsWith("character varying", System.StringComparison.Ordinal) && newType == "text")
            {
                return true;
            }

            if (oldType == "text" && newType == "character varying")
            {
                return true;
            }

            if (oldType.StartsWith("numeric(", System.StringComparison.Ordinal) && (newType == "numeric" || newType.StartsWith("numeric(", System.StringComparison.Ordinal)))
            {
                var from = Modifiers(oldType);
                var to = Modifiers(newType);
                return newType == "numeric" || (from.Length == 2 && to.Length == 2 && from[1] == to[1] && int.Parse(to[0], CultureInfo.InvariantCulture) >= int.Parse(from[0], CultureInfo.InvariantCulture));
            }

            return oldType == "cidr" && newType == "inet";
        }

        private static int? Length(string type)
            => Modifiers(type) is { Length: 1 } modifiers && int.TryParse(modifiers[0], NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null;

        private static string[] Modifiers(string type)
        {
            var open = type.IndexOf('(');
            return open < 0 || type.EndsWith("[]", System.StringComparison.Ordinal) ? new string[0] : type.Substring(open + 1, type.IndexOf(')') - open - 1).Split(',');
        }
    }
}
