namespace SchemaGen.SqlParsing.Lint
{
    /// <summary>One rule broken by one statement: the rule's id, where in the SQL text, and the message's arguments.</summary>
    internal sealed class LintFinding
    {
        public LintFinding(string id, int start, int length, params string[] args)
        {
            Id = id;
            Start = start;
            Length = length;
            Args = args;
        }

        public string Id { get; }

        public int Start { get; }

        public int Length { get; }

        public string[] Args { get; }

        /// <summary>Where the statement the finding is in starts and ends (its first and last token) in the SQL text.</summary>
        public int StatementStart { get; set; }

        public int StatementEnd { get; set; }
    }
}
