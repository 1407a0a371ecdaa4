using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SchemaGen.Generator.Data;

namespace SchemaGen.Generator.LockFile
{
    /// <summary>
    /// Writes the lock file: diff-friendly, one migration a line (and one line per frozen auto-schema model), sorted by number,
    /// LF line endings.
    /// </summary>
    internal static class LockFileWriter
    {
        /// <param name="migrations">This build's migrations.</param>
        /// <param name="frozen">The auto-schema models to record with each migration that calls <c>AutoSchemaAsync</c>, by number.</param>
        public static IReadOnlyList<string> Lines(EquatableArray<RegistryEntry> migrations, IReadOnlyDictionary<int, EquatableArray<Data.SchemaModel.TableInfo>>? frozen = null)
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
                        .Append(", \"name\": ").Append(JsonText.String(m.Name))
                        .Append(", \"checksum\": ").Append(JsonText.String(m.Checksum));
                    var end = i < migrations.Count - 1 ? " }," : " }";
                    if (frozen is not null && frozen.TryGetValue(m.Number, out var tables))
                    {
                        lines.Add(line.Append(", \"autoSchema\": [").ToString());
                        for (var t = 0; t < tables.Count; t++)
                        {
                            lines.Add("      " + FrozenModelJson.Write(tables[t]) + (t < tables.Count - 1 ? "," : string.Empty));
                        }

                        lines.Add("    ]" + end);
                    }
                    else
                    {
                        lines.Add(line.Append(end).ToString());
                    }
                }

                lines.Add("  ]");
            }

            lines.Add("}");
            return lines;
        }
    }
}
