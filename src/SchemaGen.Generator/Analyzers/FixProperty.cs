namespace SchemaGen.Generator.Analyzers
{
    /// <summary>The names of the properties SchemaGen's diagnostics carry for their code fixes.</summary>
    public static class FixProperty
    {
        /// <summary>SG0001's: the free number it suggests for the migration that does not keep its number.</summary>
        public const string FreeNumber = "SchemaGen.FreeNumber";

        /// <summary>The source position where the statement's first token starts.</summary>
        public const string StatementStart = "StatementStart";

        /// <summary>The source position just after the statement's last token (before its semicolon).</summary>
        public const string StatementEnd = "StatementEnd";

        /// <summary>SG0208's: the file name of the migration its fix writes.</summary>
        public const string MigrationFile = "MigrationFile";

        /// <summary>SG0208's: the folder that migration goes in, when the build says.</summary>
        public const string MigrationFolder = "MigrationFolder";

        /// <summary>SG0208's: the whole text of that migration.</summary>
        public const string MigrationSql = "MigrationSql";

        /// <summary>The message argument <paramref name="index"/>.</summary>
        public static string Argument(int index) => "Arg" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
