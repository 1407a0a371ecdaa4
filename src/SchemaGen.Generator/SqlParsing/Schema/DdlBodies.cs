using System.Collections.Generic;
using SchemaGen.Generator.Data;
using SchemaGen.SqlParsing.Lint;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>
    /// What the body of a <c>DO</c> block or a function may change: the relations and types its DDL names (the model cannot
    /// tell whether, or how, the procedural code runs it), or anything at all when it runs dynamic SQL (<c>EXECUTE</c>).
    /// </summary>
    internal sealed class DdlBodies
    {
        private static readonly string[] RelationWords = { "TABLE", "VIEW", "INDEX", "SEQUENCE", "TYPE", "DOMAIN" };

        private DdlBodies(List<ObjectName> touched, bool anything, EquatableArray<string> calls)
        {
            Touched = new EquatableArray<ObjectName>(touched.ToArray());
            Anything = anything;
            Calls = calls;
        }

        public EquatableArray<ObjectName> Touched { get; }

        public bool Anything { get; }

        /// <summary>The functions the body calls: one of them may run DDL too.</summary>
        public EquatableArray<string> Calls { get; }

        public bool ChangesSchema => Anything || Touched.Count > 0;

        /// <summary>The text inside a <c>'…'</c> or <c>$tag$…$tag$</c> string token.</summary>
        public static string Inside(string token)
        {
            if (token.StartsWith("$", System.StringComparison.Ordinal))
            {
                var tag = token.IndexOf('$', 1) + 1;
                return tag <= 0 || token.Length < tag * 2 ? string.Empty : token.Substring(tag, token.Length - (2 * tag));
            }

            var quote = token.IndexOf('\'');
            return quote < 0 || token.Length < quote + 2 ? string.Empty : token.Substring(quote + 1, token.Length - quote - 2).Replace("''", "'");
        }

        public static DdlBodies Scan(string body, string defaultSchema)
        {
            var range = TokenRange.Of(body);
            var writer = new EffectWriter { DefaultSchema = defaultSchema };
            var touched = new List<ObjectName>();
            var anything = false;
            for (var i = 0; i < range.Count; i++)
            {
                if (range.Is(i, "EXECUTE") && !range.Is(i + 1, "FUNCTION") && !range.Is(i + 1, "PROCEDURE"))
                {
                    anything = true;
                }
                else if ((range.Is(i, "CREATE") || range.Is(i, "ALTER") || range.Is(i, "DROP")) && Named(range, i, writer) is { } name)
                {
                    if (string.IsNullOrEmpty(name.Name))
                    {
                        anything = true;
                    }
                    else if (!touched.Contains(name))
                    {
                        touched.Add(name);
                    }
                }
            }

            return new DdlBodies(touched, anything, StatementEffects.Calls(range));
        }

        /// <summary>The relation or type a DDL command at <paramref name="i"/> names; an empty name for a schema; null for other DDL.</summary>
        private static ObjectName? Named(TokenRange range, int i, EffectWriter writer)
        {
            var j = i + 1;
            while (range.Is(j, "OR") || range.Is(j, "REPLACE") || range.Is(j, "UNIQUE") || range.Is(j, "TEMP") || range.Is(j, "TEMPORARY")
                   || range.Is(j, "UNLOGGED") || range.Is(j, "MATERIALIZED") || range.Is(j, "CONCURRENTLY") || range.Is(j, "RECURSIVE"))
            {
                j++;
            }

            if (range.Is(j, "SCHEMA"))
            {
                return new ObjectName(string.Empty, string.Empty);
            }

            var isRelation = false;
            foreach (var word in RelationWords)
            {
                isRelation |= range.Is(j, word);
            }

            if (!isRelation)
            {
                return null;
            }

            var isIndex = range.Is(j, "INDEX") && range.Is(i, "CREATE");
            j++;
            while (range.Is(j, "IF") || range.Is(j, "NOT") || range.Is(j, "EXISTS") || range.Is(j, "ONLY") || range.Is(j, "CONCURRENTLY"))
            {
                j++;
            }

            if (isIndex)
            {
                var on = range.Find("ON", j);
                j = on < 0 ? -1 : on + (range.Is(on + 1, "ONLY") ? 2 : 1);
            }

            return j >= 0 && j < range.Count && range[j].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier ? writer.Name(range, j, out _) : null;
        }
    }
}
