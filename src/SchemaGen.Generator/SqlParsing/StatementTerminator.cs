namespace SchemaGen.SqlParsing
{
    /// <summary>Ends SQL with a semicolon where a following statement needs one, never inside a trailing comment.</summary>
    internal static class StatementTerminator
    {
        /// <summary>
        /// <paramref name="sql"/> trimmed, with <c>;</c> after its last token when that token is not one already; empty when it
        /// holds only comments. A trailing <c>-- comment</c> stays after the semicolon, so it cannot swallow it.
        /// </summary>
        public static string Terminate(string sql)
        {
            var tokens = SqlTokenizer.Tokenize(sql);
            if (tokens.Count == 0)
            {
                return string.Empty;
            }

            var last = tokens[tokens.Count - 1];
            var text = last.Kind == SqlTokenKind.Semicolon ? sql : sql.Insert(last.End, ";");
            return text.Trim();
        }
    }
}
