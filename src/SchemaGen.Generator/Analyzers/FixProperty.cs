namespace SchemaGen.Generator.Analyzers
{
    /// <summary>The names of the properties a SQL safety diagnostic carries for its code fixes.</summary>
    public static class FixProperty
    {
        /// <summary>The source position where the statement's first token starts.</summary>
        public const string StatementStart = "StatementStart";

        /// <summary>The source position just after the statement's last token (before its semicolon).</summary>
        public const string StatementEnd = "StatementEnd";

        /// <summary>The message argument <paramref name="index"/>.</summary>
        public static string Argument(int index) => "Arg" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
