using System.Collections.Generic;
using System.Linq;
using System.Text;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;

namespace SchemaGen.Generator.LockFile
{
    /// <summary>
    /// A <c>[Table]</c> model as one line of JSON in the lock file, where a released migration's <c>AutoSchemaAsync</c> is frozen:
    /// <c>{ "schema", "table", "columns": [[name, type, nullable, default, generation]…], "key": […],
    /// "foreignKeys": [[columns, schema, table, columns]…], "indexes": [[name, columns, unique, method]…] }</c>.
    /// </summary>
    internal static class FrozenModelJson
    {
        public static string Write(TableInfo table)
        {
            var json = new StringBuilder("{ \"schema\": ").Append(JsonText.String(table.Schema))
                .Append(", \"table\": ").Append(JsonText.String(table.Name))
                .Append(", \"columns\": [").Append(string.Join(", ", table.Columns.Select(Column))).Append(']')
                .Append(", \"key\": ").Append(Strings(table.PrimaryKey))
                .Append(", \"foreignKeys\": [").Append(string.Join(", ", table.ForeignKeys.Select(ForeignKey))).Append(']')
                .Append(", \"indexes\": [").Append(string.Join(", ", table.Indexes.Select(Index))).Append("] }");
            return json.ToString();
        }

        /// <summary>The model, or null when the entry is not one this version writes.</summary>
        public static TableInfo? Read(JsonNode node)
        {
            if (node is not JsonObject table
                || !OptionalString(table.Get("schema"), out var schema)
                || table.Get("table") is not JsonScalar { Value: string name }
                || table.Get("columns") is not JsonArray columns
                || ReadStrings(table.Get("key")) is not { } key
                || table.Get("foreignKeys") is not JsonArray foreignKeys
                || table.Get("indexes") is not JsonArray indexes)
            {
                return null;
            }

            var columnInfos = columns.Items.Select(ReadColumn).ToList();
            var foreignKeyInfos = foreignKeys.Items.Select(ReadForeignKey).ToList();
            var indexInfos = indexes.Items.Select(ReadIndex).ToList();
            if (columnInfos.Contains(null) || foreignKeyInfos.Contains(null) || indexInfos.Contains(null))
            {
                return null;
            }

            return new TableInfo(schema, name, string.Empty, EquatableArray.From(columnInfos.Select(c => c!)), key,
                EquatableArray.From(foreignKeyInfos.Select(f => f!)), EquatableArray.From(indexInfos.Select(i => i!)));
        }

        private static string Column(ColumnInfo column)
            => $"[{JsonText.String(column.Name)}, {JsonText.String(column.StoreType)}, {Bool(column.IsNullable)}, {JsonText.String(column.DefaultSql)}, {JsonText.String(column.Generation)}]";

        private static string ForeignKey(ForeignKeyInfo foreignKey)
            => $"[{Strings(foreignKey.Columns)}, {JsonText.String(foreignKey.PrincipalSchema)}, {JsonText.String(foreignKey.PrincipalTable)}, {Strings(foreignKey.PrincipalColumns)}]";

        private static string Index(IndexInfo index)
            => $"[{JsonText.String(index.Name)}, {Strings(index.Columns)}, {Bool(index.IsUnique)}, {JsonText.String(index.Method)}]";

        private static ColumnInfo? ReadColumn(JsonNode node)
            => node is JsonArray { Items.Count: 5 } item
               && item.Items[0] is JsonScalar { Value: string name }
               && item.Items[1] is JsonScalar { Value: string type }
               && item.Items[2] is JsonScalar { Value: bool nullable }
               && OptionalString(item.Items[3], out var defaultSql)
               && item.Items[4] is JsonScalar { Value: string generation and ("None" or "Serial" or "Identity") }
                ? new ColumnInfo(name, type, nullable, defaultSql, generation)
                : null;

        private static ForeignKeyInfo? ReadForeignKey(JsonNode node)
            => node is JsonArray { Items.Count: 4 } item
               && ReadStrings(item.Items[0]) is { } columns
               && OptionalString(item.Items[1], out var schema)
               && item.Items[2] is JsonScalar { Value: string table }
               && ReadStrings(item.Items[3]) is { } principalColumns
                ? new ForeignKeyInfo(columns, schema, table, principalColumns)
                : null;

        private static IndexInfo? ReadIndex(JsonNode node)
            => node is JsonArray { Items.Count: 4 } item
               && item.Items[0] is JsonScalar { Value: string name }
               && ReadStrings(item.Items[1]) is { } columns
               && item.Items[2] is JsonScalar { Value: bool unique }
               && OptionalString(item.Items[3], out var method)
                ? new IndexInfo(name, columns, unique, method)
                : null;

        private static EquatableArray<string>? ReadStrings(JsonNode? node)
        {
            if (node is not JsonArray array)
            {
                return null;
            }

            var values = new List<string>();
            foreach (var item in array.Items)
            {
                if (item is not JsonScalar { Value: string value })
                {
                    return null;
                }

                values.Add(value);
            }

            return EquatableArray.From(values);
        }

        private static bool OptionalString(JsonNode? node, out string? value)
        {
            value = (node as JsonScalar)?.Value as string;
            return node is JsonScalar { Value: null or string };
        }

        private static string Strings(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => JsonText.String(v))) + "]";

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
