using System.Collections.Generic;

namespace SchemaGen.SqlParsing.Lint
{
    /// <summary>A run of a statement's tokens [Start, End), with the reads a lint rule needs.</summary>
    internal readonly struct TokenRange
    {
        public TokenRange(SqlStatement statement, int start, int end)
        {
            Statement = statement;
            Start = start;
            End = end;
        }

        public SqlStatement Statement { get; }

        /// <summary>All the tokens of <paramref name="sql"/>, read as one range (a type, a default, a function body), statements not split.</summary>
        public static TokenRange Of(string sql)
        {
            var tokens = SqlTokenizer.Tokenize(sql);
            return new TokenRange(new SqlStatement(sql, tokens, 1), 0, tokens.Count);
        }

        public int Start { get; }

        public int End { get; }

        public int Count => End - Start;

        public bool IsEmpty => End <= Start;

        public SqlToken this[int index] => Statement.Tokens[Start + index];

        public bool Is(int index, string keyword) => index >= 0 && index < Count && this[index].Is(Statement.Sql, keyword);

        public bool Has(int index, params string[] keywords)
        {
            for (var i = 0; i < keywords.Length; i++)
            {
                if (!Is(index + i, keywords[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The index of the first top-level (outside parentheses) <paramref name="keyword"/> from <paramref name="from"/>, or -1.</summary>
        public int Find(string keyword, int from = 0)
        {
            var depth = 0;
            for (var i = from; i < Count; i++)
            {
                depth += Depth(this[i]);
                if (depth == 0 && Is(i, keyword))
                {
                    return i;
                }
            }

            return -1;
        }

        public bool Contains(string keyword) => Find(keyword) >= 0;

        /// <summary>Whether any token, at any depth, is the word <paramref name="keyword"/>.</summary>
        public bool ContainsAnywhere(string keyword)
        {
            for (var i = 0; i < Count; i++)
            {
                if (Is(i, keyword))
                {
                    return true;
                }
            }

            return false;
        }

        public TokenRange Skip(int count) => new TokenRange(Statement, System.Math.Min(Start + count, End), End);

        /// <summary>Splits at top-level commas.</summary>
        public List<TokenRange> SplitByCommas()
        {
            var parts = new List<TokenRange>();
            var depth = 0;
            var partStart = 0;
            for (var i = 0; i < Count; i++)
            {
                var token = this[i];
                depth += Depth(token);
                if (depth == 0 && token.Kind == SqlTokenKind.Symbol && Text(i) == ",")
                {
                    parts.Add(new TokenRange(Statement, Start + partStart, Start + i));
                    partStart = i + 1;
                }
            }

            parts.Add(new TokenRange(Statement, Start + partStart, End));
            return parts;
        }

        /// <summary>The tokens inside the first top-level parentheses from <paramref name="from"/>, or an empty range.</summary>
        public TokenRange InsideParentheses(int from)
        {
            for (var i = from; i < Count; i++)
            {
                if (this[i].Kind == SqlTokenKind.Symbol && Text(i) == "(")
                {
                    var depth = 0;
                    for (var j = i; j < Count; j++)
                    {
                        depth += Depth(this[j]);
                        if (depth == 0)
                        {
                            return new TokenRange(Statement, Start + i + 1, Start + j);
                        }
                    }

                    return new TokenRange(Statement, Start + i + 1, End);
                }
            }

            return new TokenRange(Statement, End, End);
        }

        public string Text(int index) => Statement.Sql.Substring(this[index].Start, this[index].Length);

        /// <summary>The SQL from token <paramref name="first"/> through <paramref name="last"/>.</summary>
        public string TextOf(int first, int last) => Statement.Sql.Substring(this[first].Start, this[last].End - this[first].Start);

        /// <summary>An identifier as PostgreSQL folds it: unquoted lower-cased, quoted as written, either cut to 63 bytes.</summary>
        public string Identifier(int index)
        {
            var text = Text(index);
            return Schema.PostgresNames.Truncate(this[index].Kind == SqlTokenKind.QuotedIdentifier
                ? text.Substring(1, text.Length - 2).Replace("\"\"", "\"")
                : text.ToLowerInvariant());
        }

        /// <summary>A possibly schema-qualified name from <paramref name="index"/>: its last part, and how many tokens it spans.</summary>
        public string QualifiedName(int index, out int length)
        {
            length = 1;
            var name = Identifier(index);
            while (index + length + 1 < Count && Text(index + length) == "." && this[index + length + 1].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
            {
                name = Identifier(index + length + 1);
                length += 2;
            }

            return name;
        }

        private int Depth(SqlToken token)
        {
            if (token.Kind != SqlTokenKind.Symbol)
            {
                return 0;
            }

            var c = Statement.Sql[token.Start];
            return c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
        }
    }
}
