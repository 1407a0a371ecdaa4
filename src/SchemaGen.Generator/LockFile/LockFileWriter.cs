using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using SchemaGen.Generator.Data;

namespace SchemaGen.Generator.LockFile
{
    /// <summary>Writes the lock file: diff-friendly, one migration a line, sorted by number, LF line endings.</summary>
    internal static class LockFileWriter
    {
        public static IReadOnlyList<string> Lines(EquatableArray<RegistryEntry> migrations)
        {
            var lines = new List<string> { "{", $"  \"version\": {LockFileParser.SupportedVersion},", };
            if (migrations.Count == 0)
            {
                lines.Add("  \"migrations\": []");
            }
            else
            {
                lines.Add("  \"migrations\": [");
                for (var i = 0; i < migrations.Count; i++)
                {
                    var m = migrations[i];
                    var line = new StringBuilder("    { \"number\": ")
                        .Append(m.Number.ToString(CultureInfo.InvariantCulture))
                        .Append(", \"name\": ").Append(JsonString(m.Name))
                        .Append(", \"checksum\": ").Append(JsonString(m.Checksum))
                        .Append(i < migrations.Count - 1 ? " }," : " }");
                    lines.Add(line.ToString());
                }

                lines.Add("  ]");
            }

            lines.Add("}");
            return lines;
        }

        // Names are snake_case and checksums hex (the analyzers enforce both), so C# literal escaping is also valid JSON.
        private static string JsonString(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
    }
}
