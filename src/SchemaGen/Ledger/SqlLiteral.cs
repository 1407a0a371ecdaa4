namespace SchemaGen.Ledger;

/// <summary>Values written into SQL text, for scripts a person runs with psql; the runner itself always binds parameters.</summary>
internal static class SqlLiteral
{
    /// <summary>
    /// An escape string (<c>E'…'</c>), read the same whatever <c>standard_conforming_strings</c> says: backslashes and quotes
    /// doubled, line breaks written as <c>\n</c> so the literal stays on one line.
    /// </summary>
    public static string Of(string value)
        => "E'" + value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("'", "''", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "'";

    /// <summary>A <c>bytea</c> value, or <c>NULL</c>.</summary>
    public static string Of(byte[]? value) => value is null ? "NULL" : $"'\\x{Convert.ToHexStringLower(value)}'::bytea";

    public static string Of(bool value) => value ? "true" : "false";
}
