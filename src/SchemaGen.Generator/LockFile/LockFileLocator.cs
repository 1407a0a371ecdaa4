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
    /// and the ids of the released migrations it records, for the generator's SG0001.
    /// </summary>
    internal static class LockFileLocator
    {
        public const string DefaultFileName = "migrations.lock.json";
        public const string MetadataKey = "build_metadata.AdditionalFiles.SchemaGenLockFile";

        public static bool IsLockFile(AdditionalText file, AnalyzerConfigOptions options)
            => (options.TryGetValue(MetadataKey, out var flag) && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
               || string.Equals(Path.GetFileName(file.Path), DefaultFileName, StringComparison.OrdinalIgnoreCase);

        /// <summary>"number:name" of every migration the lock file's text records.</summary>
        public static EquatableArray<string> ReleasedIds(string text)
        {
            var entries = LockFileParser.Parse(text).Entries;
            var ids = new string[entries.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = Id(entries[i].Number, entries[i].Name);
            }

            return new EquatableArray<string>(ids);
        }

        /// <summary>The frozen auto-schema models of every recorded migration that has them.</summary>
        public static EquatableArray<FrozenAutoSchema> FrozenModels(string text)
        {
            var frozen = new System.Collections.Generic.List<FrozenAutoSchema>();
            foreach (var entry in LockFileParser.Parse(text).Entries)
            {
                if (entry.AutoSchema is { } tables)
                {
                    frozen.Add(new FrozenAutoSchema(entry.Number, MigrationId.Format(entry.Number, entry.Name), tables));
                }
            }

            return EquatableArray.From(frozen);
        }

        public static string Id(int number, string name) => number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + name;
    }
}
