namespace SchemaGen.SqlParsing
{
    /// <summary>What a <see cref="SqlToken"/> is. Comments and whitespace are skipped, never tokens.</summary>
    internal enum SqlTokenKind
    {
        /// <summary>A keyword or unquoted identifier.</summary>
        Word,

        /// <summary>A <c>"quoted identifier"</c>.</summary>
        QuotedIdentifier,

        /// <summary>A <c>'string'</c>, <c>E'string'</c> or <c>$tag$string$tag$</c>.</summary>
        String,

        /// <summary>A number or a <c>$1</c> parameter.</summary>
        Number,

        /// <summary>A statement-ending <c>;</c>.</summary>
        Semicolon,

        /// <summary>Any other character: operators, parentheses, commas.</summary>
        Symbol,
    }

    /// <summary>One token of PostgreSQL SQL: where it is in the text, and what kind.</summary>
    internal readonly struct SqlToken
    {
        public SqlToken(SqlTokenKind kind, int start, int length)
        {
            Kind = kind;
            Start = start;
            Length = length;
        }

        public SqlTokenKind Kind { get; }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        /// <summary>Whether this is the unquoted word <paramref name="keyword"/>, in any case.</summary>
        public bool Is(string sql, string keyword)
            => Kind == SqlTokenKind.Word
               && Length == keyword.Length
               && string.Compare(sql, Start, keyword, 0, Length, System.StringComparison.OrdinalIgnoreCase) == 0;
    }
}
