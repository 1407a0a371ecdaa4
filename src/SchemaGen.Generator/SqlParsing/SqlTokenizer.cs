using System.Collections.Generic;

namespace SchemaGen.SqlParsing
{
    /// <summary>
    /// Splits PostgreSQL SQL into tokens the way the server's lexer sees their edges: <c>'…'</c> (doubled quotes),
    /// <c>E'…'</c> (backslash escapes), <c>"…"</c>, <c>$tag$…$tag$</c>, <c>--</c> and nested <c>/* */</c> comments.
    /// An unterminated string or comment runs to the end of the text; the server reports it.
    /// </summary>
    internal static class SqlTokenizer
    {
        public static List<SqlToken> Tokenize(string sql)
        {
            var tokens = new List<SqlToken>();
            var i = 0;
            while (i < sql.Length)
            {
                var c = sql[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '-' && At(sql, i + 1, '-'))
                {
                    i = SkipLineComment(sql, i);
                }
                else if (c == '/' && At(sql, i + 1, '*'))
                {
                    i = SkipBlockComment(sql, i);
                }
                else
                {
                    var token = Next(sql, i);
                    tokens.Add(token);
                    i = token.End;
                }
            }

            return tokens;
        }

        private static SqlToken Next(string sql, int start)
        {
            var c = sql[start];
            if ((c == 'E' || c == 'e') && At(sql, start + 1, '\''))
            {
                return Token(SqlTokenKind.String, start, QuotedEnd(sql, start + 1, backslashEscapes: true));
            }

            if (c == '\'')
            {
                return Token(SqlTokenKind.String, start, QuotedEnd(sql, start, backslashEscapes: false));
            }

            if (c == '"')
            {
                return Token(SqlTokenKind.QuotedIdentifier, start, QuotedEnd(sql, start, backslashEscapes: false));
            }

            if (c == '$')
            {
                return DollarToken(sql, start);
            }

            if (IsWordStart(c))
            {
                var end = start + 1;
                while (end < sql.Length && IsWordPart(sql[end]))
                {
                    end++;
                }

                return Token(SqlTokenKind.Word, start, end);
            }

            if (char.IsDigit(c))
            {
                var end = start + 1;
                while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] == '.' || sql[end] == '_'))
                {
                    end++;
                }

                return Token(SqlTokenKind.Number, start, end);
            }

            return Token(c == ';' ? SqlTokenKind.Semicolon : SqlTokenKind.Symbol, start, start + 1);
        }

        /// <summary><c>$1</c> is a parameter; <c>$tag$</c> or <c>$$</c> opens a string closed by the same tag.</summary>
        private static SqlToken DollarToken(string sql, int start)
        {
            var end = start + 1;
            if (end < sql.Length && char.IsDigit(sql[end]))
            {
                while (end < sql.Length && char.IsDigit(sql[end]))
                {
                    end++;
                }

                return Token(SqlTokenKind.Number, start, end);
            }

            while (end < sql.Length && sql[end] != '$' && IsWordPart(sql[end]))
            {
                end++;
            }

            if (end >= sql.Length || sql[end] != '$')
            {
                return Token(SqlTokenKind.Symbol, start, start + 1);
            }

            var tag = sql.Substring(start, end + 1 - start);
            var close = sql.IndexOf(tag, end + 1, System.StringComparison.Ordinal);
            return Token(SqlTokenKind.String, start, close < 0 ? sql.Length : close + tag.Length);
        }

        private static int QuotedEnd(string sql, int openQuote, bool backslashEscapes)
        {
            var quote = sql[openQuote];
            var i = openQuote + 1;
            while (i < sql.Length)
            {
                var c = sql[i];
                if (backslashEscapes && c == '\\')
                {
                    i = System.Math.Min(i + 2, sql.Length);
                }
                else if (c == quote && At(sql, i + 1, quote))
                {
                    i += 2;
                }
                else if (c == quote)
                {
                    return i + 1;
                }
                else
                {
                    i++;
                }
            }

            return sql.Length;
        }

        private static int SkipLineComment(string sql, int start)
        {
            var newline = sql.IndexOf('\n', start);
            return newline < 0 ? sql.Length : newline + 1;
        }

        private static int SkipBlockComment(string sql, int start)
        {
            var depth = 0;
            var i = start;
            while (i < sql.Length)
            {
                if (sql[i] == '/' && At(sql, i + 1, '*'))
                {
                    depth++;
                    i += 2;
                }
                else if (sql[i] == '*' && At(sql, i + 1, '/'))
                {
                    i += 2;
                    if (--depth == 0)
                    {
                        return i;
                    }
                }
                else
                {
                    i++;
                }
            }

            return sql.Length;
        }

        private static bool At(string sql, int index, char expected) => index < sql.Length && sql[index] == expected;

        private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_' || c > 127;

        private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$' || c > 127;

        private static SqlToken Token(SqlTokenKind kind, int start, int end) => new SqlToken(kind, start, (end > start ? end : start + 1) - start);
    }
}
