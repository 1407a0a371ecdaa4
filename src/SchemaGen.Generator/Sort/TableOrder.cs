using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;

namespace SchemaGen.Generator.Sort
{
    /// <summary>
    /// Puts the models in a stable order (schema, then table name) and keeps one model per table: a second one is
    /// an SG0204 error, reported by the analyzer, and left out so the generated model stays consistent.
    /// </summary>
    internal static class TableOrder
    {
        public static EquatableArray<TableInfo> Sort(ImmutableArray<TableInfo> tables)
        {
            var seen = new HashSet<(string, string)>();
            return new EquatableArray<TableInfo>(tables
                .OrderBy(t => t.Schema ?? "", System.StringComparer.Ordinal)
                .ThenBy(t => t.Name, System.StringComparer.Ordinal)
                .ThenBy(t => t.FullyQualifiedTypeName, System.StringComparer.Ordinal)
                .Where(t => seen.Add((t.Schema ?? "", t.Name)))
                .ToArray());
        }
    }
}
