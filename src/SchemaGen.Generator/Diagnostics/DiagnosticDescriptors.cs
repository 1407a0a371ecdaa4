using Microsoft.CodeAnalysis;

namespace SchemaGen.Generator.Diagnostics
{
    /// <summary>Every diagnostic SchemaGen reports. Each ID has a section in the README, which its help link opens.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string HelpLinkBase = "https://github.com/schemagen/schemagen/blob/main/README.md#";
        private const string RegistryCategory = "SchemaGen.Registry";
        private const string UsageCategory = "SchemaGen.Usage";

        public static readonly DiagnosticDescriptor DuplicateNumber = Error(
            "SG0001",
            "Duplicate migration number",
            "Migration number {0} is used by both '{1}' and '{2}'; give '{2}' the number {3}",
            RegistryCategory);

        public static readonly DiagnosticDescriptor NumberGap = Error(
            "SG0002",
            "Gap in migration numbers",
            "Migration {0} missing before '{1}' (number {2}): numbers run 1, 2, 3… without gaps; add the missing migration or renumber '{1}' to {3}",
            RegistryCategory);

        public static readonly DiagnosticDescriptor NumberBelowOne = Error(
            "SG0003",
            "Migration number below 1",
            "Migration '{0}' has the number {1}, but numbers start at 1; give it the next number after the highest one in use",
            RegistryCategory);

        public static readonly DiagnosticDescriptor NotAMigrationClass = Error(
            "SG0004",
            "Class cannot be a migration",
            "'{0}' cannot be a migration: {1}",
            UsageCategory);

        public static readonly DiagnosticDescriptor InvalidName = Error(
            "SG0005",
            "Invalid migration name",
            "Migration '{0}' has an invalid name: {1}",
            RegistryCategory);

        public static DiagnosticDescriptor? Find(string id)
        {
            switch (id)
            {
                case "SG0001": return DuplicateNumber;
                case "SG0002": return NumberGap;
                case "SG0003": return NumberBelowOne;
                case "SG0004": return NotAMigrationClass;
                case "SG0005": return InvalidName;
                default: return null;
            }
        }

        private static DiagnosticDescriptor Error(string id, string title, string message, string category)
            => new DiagnosticDescriptor(
                id,
                title,
                message,
                category,
                DiagnosticSeverity.Error,
                isEnabledByDefault: true,
                helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
    }
}
