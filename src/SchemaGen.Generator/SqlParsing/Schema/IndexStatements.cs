using System.Collections.Generic;
using SchemaGen.Generator.Data;
using SchemaGen.SqlParsing.Lint;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary><c>CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table [USING method] (keys) [INCLUDE …] [WHERE …]</c>.</summary>
    internal static class IndexStatements
    {
        /// <summary>A name part the model cannot tell (PostgreSQL's rules for an expression's name go deeper than it reads).</summary>
        public const string UnknownNamePart = "?";

        public static bool ReadCreate(TokenRange statement, EffectWriter writer)
        {
            var unique = statement.Is(1, "UNIQUE");
            var i = unique ? 3 : 2;
            if (statement.Is(i, "CONCURRENTLY"))
            {
                i++;
            }

            var ifNotExists = statement.Has(i, "IF", "NOT", "EXISTS");
            i += ifNotExists ? 3 : 0;
            string? name = null;
            if (!statement.Is(i, "ON"))
            {
                name = statement.Identifier(i);
                i++;
            }

            if (!statement.Is(i, "ON"))
            {
                return false;
            }

            i += statement.Is(i + 1, "ONLY") ? 2 : 1;
            if (i >= statement.Count)
            {
                return false;
            }

            var table = writer.Name(statement, i, out var length);
            i += length;
            var method = "btree";
            if (statement.Is(i, "USING") && i + 1 < statement.Count)
            {
                method = statement.Identifier(i + 1);
                i += 2;
            }

            if (i >= statement.Count || statement.Text(i) != "(")
            {
                return false;
            }

            var keys = new List<string>();
            var nameParts = new List<string>();
            var mentions = new List<string>();
            foreach (var key in statement.InsideParentheses(i).SplitByCommas())
            {
                ReadKey(key, keys, nameParts, mentions);
            }

            i = EffectWriter.After(statement, i);
            var include = statement.Find("INCLUDE", i);
            if (include >= 0)
            {
                nameParts.AddRange(EffectWriter.Columns(statement, include + 1));
            }

            var where = statement.Find("WHERE", i);
            if (where >= 0)
            {
                mentions.AddRange(EffectWriter.Identifiers(statement.Skip(where + 1)));
            }

            var index = new IndexSpec(
                name, table, unique, method, new EquatableArray<string>(keys.ToArray()), new EquatableArray<string>(nameParts.ToArray()), where >= 0,
                new EquatableArray<string>(mentions.ToArray()), ifNotExists);
            writer.Add(new SchemaChange(ChangeKind.CreateIndex, index.Table, Index: index));
            return true;
        }

        /// <summary>
        /// One key: a column (its name), or an expression (<c>(expression)</c>; PostgreSQL names the index after the function it
        /// calls, and after rules not followed here otherwise). Collation, operator class, ASC/DESC and NULLS FIRST/LAST follow the column and change neither.
        /// </summary>
        private static void ReadKey(TokenRange key, List<string> keys, List<string> nameParts, List<string> mentions)
        {
            if (key.IsEmpty)
            {
                return;
            }

            if (key[0].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && !(key.Count > 1 && (key.Text(1) == "(" || key.Text(1) == ".")))
            {
                keys.Add(key.Identifier(0));
                nameParts.Add(key.Identifier(0));
                return;
            }

            keys.Add(IndexShape.ExpressionKey);
            var expression = key.Text(0) == "(" ? key.InsideParentheses(0) : key;
            var function = 0;
            while (function + 2 < expression.Count && expression.Text(function + 1) == ".")
            {
                function += 2;
            }

            var isCall = expression.Count > function + 1 && expression[function].Kind == SqlTokenKind.Word && expression.Text(function + 1) == "("
                && EffectWriter.After(expression, function + 1) == expression.Count;
            nameParts.Add(isCall ? expression.Identifier(function) : UnknownNamePart);
            mentions.AddRange(EffectWriter.Identifiers(key));
        }
    }
}
