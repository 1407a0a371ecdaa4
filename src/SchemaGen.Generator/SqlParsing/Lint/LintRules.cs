namespace SchemaGen.SqlParsing.Lint
{
    /// <summary>The ids of the SQL safety rules; their descriptors and documentation carry the rest.</summary>
    internal static class LintRules
    {
        public const string TransactionControl = "SG0301";
        public const string NotInTransaction = "SG0302";
        public const string IndexWithoutConcurrently = "SG0303";
        public const string NotNullWithoutDefault = "SG0304";
        public const string VolatileDefault = "SG0305";
        public const string ColumnTypeChange = "SG0306";
        public const string SetNotNull = "SG0307";
        public const string ConstraintWithoutNotValid = "SG0308";
        public const string UniqueWithoutIndex = "SG0309";
        public const string BreakingChange = "SG0310";
        public const string TimestampWithoutTimeZone = "SG0311";
        public const string VarcharLength = "SG0312";
        public const string SerialColumn = "SG0313";
        public const string IntegerKey = "SG0314";
        public const string JsonColumn = "SG0315";
        public const string DownDropsData = "SG0316";
    }
}
