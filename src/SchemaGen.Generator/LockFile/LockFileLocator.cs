using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaGen.Generator.Data;

namespace SchemaGen.Generator.LockFile
{
    /// <summary>
    /// Which additional file is the lock file (<c>SchemaGenLockFile="true"</c> metadata, or the name <c>migrations.lock.json</c>),
    /// and what it records: the ids of the released migrations (for SG0001 and the lint) and the frozen auto-schema models.
    /// </summary>
    internal static class LockFileLocator
    {
        public const string DefaultFileName = "migrations.lock.json";
        public const string MetadataKey = "build_metadata.AdditionalFiles.SchemaGenLockFile";

        public static bool IsLockFile(AdditionalText file, AnalyzerConfigOptions options)
            => (options.TryGetValue(MetadataKey, out var flag) && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
               || string.Equals(Path.GetFileName(file.Path), DefaultFileName, StringComparison.OrdinalIgnoreCase);

        /// <summary>What the lock file's text records, read once: every migration's "number:name", and the frozen auto-schema models.</summary>
        public static LockFileFacts Read(string text)
        {
            var entries = LockFileParser.Parse(text).Entries;
            var ids = new string[entries.Count];
            var frozen = new System.Collections.Generic.List<FrozenAutoSchema>();
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = Id(entries[i].Number, entries[i].Name);
                if (entries[i].AutoSchema is { } tables)
                {
                    frozen.Add(new FrozenAutoSchema(entries[i].Number, MigrationId.Format(entries[i].Number, entries[i].Name), tables));
                }
            }

            return new LockFileFacts(new EquatableArray<string>(ids), EquatableArray.From(frozen));
        }

        public static string Id(int number, string name) => number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + name;
    }
}
