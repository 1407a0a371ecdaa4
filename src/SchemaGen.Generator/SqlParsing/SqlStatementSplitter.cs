using System.Collections.Generic;

namespace SchemaGen.SqlParsing
{
    /// <summary>
    /// Splits SQL into statements at top-level semicolons. Semicolons inside strings, quoted identifiers, dollar quotes
    /// and comments do not split, nor do those inside a SQL-standard function body (<c>BEGIN ATOMIC … END</c>).
    /// Empty statements (a lone <c>;</c>, only comments) are left out.
    /// </summary>
    internal static class SqlStatementSplitter
    {
        public static List<SqlStatement> Split(string sql)
        {
            var statements = new List<SqlStatement>();
            var current = new List<SqlToken>();
            var atomicDepth = 0;
            var line = 1;
            var lineCountedTo = 0;
            foreach (var token in SqlTokenizer.Tokenize(sql))
            {
                if (token.Kind == SqlTokenKind.Semicolon && atomicDepth == 0)
                {
                    Close();
                    continue;
                }

                if (current.Count == 0)
                {
                    line += CountNewlines(sql, lineCountedTo, token.Start);
                    lineCountedTo = token.Start;
                }

                current.Add(token);
                atomicDepth = NextAtomicDepth(sql, current, atomicDepth);
            }

            Close();
            return statements;

            void Close()
            {
                if (current.Count > 0)
                {
                    statements.Add(new SqlStatement(sql, current.ToArray(), line));
                    current.Clear();
                }

                atomicDepth = 0;
            }
        }

        /// <summary>Tracks <c>BEGIN ATOMIC</c> bodies, in which <c>CASE … END</c> nests and <c>END</c> closes.</summary>
        private static int NextAtomicDepth(string sql, List<SqlToken> tokens, int depth)
        {
            var last = tokens[tokens.Count - 1];
            if (last.Is(sql, "ATOMIC") && tokens.Count > 1 && tokens[tokens.Count - 2].Is(sql, "BEGIN") && tokens[0].Is(sql, "CREATE"))
            {
                return depth + 1;
            }

            if (depth == 0)
            {
                return 0;
            }

            if (last.Is(sql, "CASE"))
            {
                return depth + 1;
            }

            return last.Is(sql, "END") ? depth - 1 : depth;
        }

        private static int CountNewlines(string sql, int from, int to)
        {
            var count = 0;
            for (var i = from; i < to; i++)
            {
                if (sql[i] == '\n')
                {
                    count++;
                }
            }

            return count;
        }
    }
}
