using System.Collections.Generic;

namespace SchemaGen.SqlParsing
{
    /// <summary>One statement of a SQL text: its tokens (the closing semicolon left out) and where it starts.</summary>
    internal sealed class SqlStatement
    {
        public SqlStatement(string sql, IReadOnlyList<SqlToken> tokens, int line)
        {
            Sql = sql;
            Tokens = tokens;
            Line = line;
        }

        /// <summary>The whole text the statement is part of.</summary>
        public string Sql { get; }

        public IReadOnlyList<SqlToken> Tokens { get; }

        /// <summary>The 1-based line of the whole text on which the statement's first token stands.</summary>
        public int Line { get; }

        public int Start => Tokens[0].Start;

        public int End => Tokens[Tokens.Count - 1].End;

        /// <summary>The statement's text from its first token to its last, comments inside it included.</summary>
        public string Text => Sql.Substring(Start, End - Start);

        /// <summary>The statement's first line, for messages.</summary>
        public string FirstLine
        {
            get
            {
                var text = Text;
                var newline = text.IndexOf('\n');
                return (newline < 0 ? text : text.Substring(0, newline)).TrimEnd('\r', ' ', '\t');
            }
        }

        /// <summary>Whether the statement's words begin with <paramref name="keywords"/> (unquoted, any case).</summary>
        public bool StartsWith(params string[] keywords) => HasAt(0, keywords);

        /// <summary>Whether <paramref name="keywords"/> stand in sequence from token <paramref name="index"/>.</summary>
        public bool HasAt(int index, params string[] keywords)
        {
            if (index < 0 || index + keywords.Length > Tokens.Count)
            {
                return false;
            }

            for (var i = 0; i < keywords.Length; i++)
            {
                if (!Tokens[index + i].Is(Sql, keywords[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the unquoted word <paramref name="keyword"/> appears anywhere at the top level of the statement.</summary>
        public bool Contains(string keyword)
        {
            foreach (var token in Tokens)
            {
                if (token.Is(Sql, keyword))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
