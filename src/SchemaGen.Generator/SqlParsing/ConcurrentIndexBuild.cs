namespace SchemaGen.SqlParsing
{
    /// <summary><c>CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON …</c>, which leaves an INVALID index behind when it fails.</summary>
    internal static class ConcurrentIndexBuild
    {
        /// <summary>The index's name as written (quoted or schema-qualified as it stands), or null when the statement builds no named index concurrently.</summary>
        public static string? IndexName(SqlStatement statement)
        {
            var index = statement.StartsWith("CREATE", "UNIQUE") ? 2 : 1;
            if (!statement.HasAt(0, "CREATE") || !statement.HasAt(index, "INDEX", "CONCURRENTLY"))
            {
                return null;
            }

            index += 2;
            if (statement.HasAt(index, "IF", "NOT", "EXISTS"))
            {
                index += 3;
            }

            var nameStart = index;
            while (index < statement.Tokens.Count && !statement.HasAt(index, "ON"))
            {
                index++;
            }

            if (index == nameStart || index >= statement.Tokens.Count)
            {
                return null;
            }

            var start = statement.Tokens[nameStart].Start;
            return statement.Sql.Substring(start, statement.Tokens[index - 1].End - start);
        }
    }
}
