using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;

namespace SchemaGen.Generator.LockFile
{
    /// <summary>
    /// Reads <c>migrations.lock.json</c>: <c>{ "version": 1, "migrations": [ { "number", "name", "checksum", "autoSchema"? }, … ] }</c>.
    /// A broken entry is reported and skipped; a broken file as a whole yields no entries.
    /// </summary>
    internal static class LockFileParser
    {
        public const int SupportedVersion = 1;

        public static LockFileContents Parse(string text)
        {
            var problems = new List<LockFileProblem>();
            var entries = new List<LockEntry>();
            JsonNode root;
            try
            {
                root = JsonReader.Parse(text);
            }
            catch (JsonReaderException e)
            {
                problems.Add(new LockFileProblem($"it is not valid JSON: {e.Message}", e.Span));
                return new LockFileContents(entries, problems);
            }

            if (root is not JsonObject file)
            {
                problems.Add(new LockFileProblem("it must be a JSON object with \"version\" and \"migrations\"", root.Span));
                return new LockFileContents(entries, problems);
            }

            var version = file.Get("version");
            if (version is not JsonScalar { Value: double number } || number != SupportedVersion)
            {
                var shown = version is JsonScalar scalar ? Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "null" : "missing";
                problems.Add(new LockFileProblem(
                    $"its version is {shown}, and this SchemaGen reads version {SupportedVersion}; update the SchemaGen package or record the lock file again",
                    version?.Span ?? file.Span));
                return new LockFileContents(entries, problems);
            }

            if (file.Get("migrations") is not JsonArray migrations)
            {
                problems.Add(new LockFileProblem("\"migrations\" must be an array of { \"number\", \"name\", \"checksum\" } entries", file.Get("migrations")?.Span ?? file.Span));
                return new LockFileContents(entries, problems);
            }

            var seen = new Dictionary<int, LockEntry>();
            foreach (var item in migrations.Items)
            {
                var entry = ReadEntry(item);
                if (entry is null)
                {
                    problems.Add(new LockFileProblem(
                        "an entry needs \"number\" (a whole number from 1), \"name\" (a string) and \"checksum\" (\"sha256:\" or \"v2:sha256:\" and 64 hex digits)",
                        item.Span));
                }
                else if (entry.AutoSchema is null && item is JsonObject withModels && withModels.Get("autoSchema") is { } models)
                {
                    problems.Add(new LockFileProblem(
                        $"the frozen auto-schema models of migration {entry.Number} cannot be read; record the lock file again from the commit that released it",
                        models.Span));
                }
                else if (seen.ContainsKey(entry.Number))
                {
                    problems.Add(new LockFileProblem($"migration number {entry.Number} is recorded twice; keep only the entry that matches the code", item.Span));
                }
                else
                {
                    seen.Add(entry.Number, entry);
                    entries.Add(entry);
                }
            }

            return new LockFileContents(entries, problems);
        }

        private static LockEntry? ReadEntry(JsonNode item)
        {
            if (item is not JsonObject entry
                || entry.Get("number") is not JsonScalar { Value: double number }
                || number < 1 || number > int.MaxValue || Math.Floor(number) != number
                || entry.Get("name") is not JsonScalar { Value: string name }
                || entry.Get("checksum") is not JsonScalar { Value: string checksum }
                || !IsChecksum(checksum))
            {
                return null;
            }

            return new LockEntry((int)number, name, checksum, item.Span, FrozenModels(entry.Get("autoSchema")));
        }

        private static EquatableArray<TableInfo>? FrozenModels(JsonNode? node)
        {
            if (node is not JsonArray array)
            {
                return null;
            }

            var tables = new List<TableInfo>();
            foreach (var item in array.Items)
            {
                if (FrozenModelJson.Read(item) is not { } table)
                {
                    return null;
                }

                tables.Add(table);
            }

            return EquatableArray.From(tables);
        }

        private static bool IsChecksum(string checksum) => SchemaGen.SqlParsing.SqlChecksum.IsWellFormed(checksum);
    }
}
