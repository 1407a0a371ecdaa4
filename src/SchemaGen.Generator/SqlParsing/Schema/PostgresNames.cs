using System;
using System.Collections.Generic;
using System.Globalization;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>
    /// The names PostgreSQL gives what a statement leaves unnamed (<c>makeObjectName</c>, <c>ChooseRelationName</c>,
    /// <c>ChooseConstraintName</c>): <c>table_column_key</c>, each part shortened to fit 63 bytes, a number added on a clash.
    /// </summary>
    internal static class PostgresNames
    {
        public const int MaxLength = 63;

        /// <summary>The first of <c>name1_name2_label</c>, <c>…_label1</c>, <c>…_label2</c>… that <paramref name="taken"/> refuses not.</summary>
        public static string Choose(string name1, string? name2, string label, Func<string, bool> taken)
        {
            var candidate = Make(name1, name2, label);
            for (var pass = 1; taken(candidate); pass++)
            {
                candidate = Make(name1, name2, label + pass.ToString(CultureInfo.InvariantCulture));
            }

            return candidate;
        }

        /// <summary>Index and foreign-key name parts: the columns joined by underscores, cut at 63 bytes.</summary>
        public static string Join(IReadOnlyList<string> parts)
        {
            var joined = string.Join("_", parts);
            return joined.Length > MaxLength ? joined.Substring(0, MaxLength) : joined;
        }

        /// <summary>An identifier cut to 63 bytes, as PostgreSQL truncates a longer one.</summary>
        public static string Truncate(string identifier)
            => System.Text.Encoding.UTF8.GetByteCount(identifier) <= MaxLength ? identifier : Clip(identifier, MaxLength);

        private static string Make(string name1, string? name2, string label)
        {
            var overhead = label.Length + 1 + (name2 is null ? 0 : 1);
            var available = MaxLength - overhead;
            var length1 = name1.Length;
            var length2 = name2?.Length ?? 0;
            while (length1 + length2 > available)
            {
                if (length1 > length2)
                {
                    length1--;
                }
                else
                {
                    length2--;
                }
            }

            var name = name1.Substring(0, length1);
            if (name2 is not null)
            {
                name += "_" + name2.Substring(0, length2);
            }

            return name + "_" + label;
        }

        private static string Clip(string identifier, int bytes)
        {
            var length = identifier.Length;
            while (System.Text.Encoding.UTF8.GetByteCount(identifier.Substring(0, length)) > bytes)
            {
                length--;
            }

            return identifier.Substring(0, length);
        }
    }
}
