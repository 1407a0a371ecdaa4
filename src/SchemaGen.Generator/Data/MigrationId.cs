namespace SchemaGen.Generator.Data
{
    /// <summary>
    /// A migration's id as the ledger records it: the number zero-padded to three digits (wider past 999), '_' and the
    /// name. The runtime's <c>MigrationDescriptor.Id</c> spells it the same way; the registry-digest tests pin the two together.
    /// </summary>
    internal static class MigrationId
    {
        /// <summary>What starts a repeatable migration's id, and its file's name.</summary>
        public const string RepeatablePrefix = "R_";

        public static string Format(int number, string name)
            => number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + "_" + name;

        /// <summary>A repeatable migration's id: <c>R_</c> and the name.</summary>
        public static string Repeatable(string name) => RepeatablePrefix + name;

        /// <summary>The id of a numbered migration, or of a repeatable one (whose number is not part of it).</summary>
        public static string Of(int number, string name, bool repeatable) => repeatable ? Repeatable(name) : Format(number, name);
    }
}
