using System;
using System.Collections.Generic;

namespace SchemaGen.Generator.Parse.SqlFiles
{
    /// <summary>
    /// The options of a SQL migration, from the comment lines that open the file: <c>-- description: …</c> and
    /// <c>-- transactional: false</c>. Other comment lines are prose and ignored; the header ends at the first line that is
    /// neither a comment nor blank. A known key with a bad value, or given twice, is a problem at its line.
    /// </summary>
    internal sealed class SqlMigrationHeader
    {
        public string Description { get; private set; } = string.Empty;

        public bool Transactional { get; private set; } = true;

        /// <summary>Problems as (0-based line, start column, length, message).</summary>
        public List<(int Line, int Column, int Length, string Message)> Problems { get; } = new List<(int, int, int, string)>();

        public static SqlMigrationHeader Read(string text)
        {
            var header = new SqlMigrationHeader();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var lines = text.Split('\n');
            for (var line = 0; line < lines.Length; line++)
            {
                var content = lines[line].TrimEnd('\r');
                var trimmed = content.TrimStart();
                if (trimmed.Length == 0)
                {
                    continue;
                }

                if (!trimmed.StartsWith("--", StringComparison.Ordinal))
                {
                    break;
                }

                var column = content.Length - trimmed.Length;
                var entry = trimmed.Substring(2).Trim();
                var colon = entry.IndexOf(':');
                if (colon <= 0)
                {
                    continue;
                }

                var key = entry.Substring(0, colon).Trim();
                var value = entry.Substring(colon + 1).Trim();
                if (!IsKnown(key))
                {
                    continue;
                }

                if (!seen.Add(key))
                {
                    header.Problems.Add((line, column, trimmed.Length, $"'{key.ToLowerInvariant()}' is given twice; keep one"));
                    continue;
                }

                header.Apply(key, value, line, column, trimmed.Length);
            }

            return header;
        }

        private static bool IsKnown(string key)
            => string.Equals(key, "description", StringComparison.OrdinalIgnoreCase) || string.Equals(key, "transactional", StringComparison.OrdinalIgnoreCase);

        private void Apply(string key, string value, int line, int column, int length)
        {
            if (string.Equals(key, "description", StringComparison.OrdinalIgnoreCase))
            {
                if (value.Length == 0)
                {
                    Problems.Add((line, column, length, "the description is empty; write it after 'description:' or remove the line"));
                }

                Description = value;
            }
            else if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
            {
                Transactional = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                Problems.Add((line, column, length, $"'transactional' must be true or false, not '{value}'"));
            }
        }
    }
}
