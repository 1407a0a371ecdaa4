using System.Collections.Generic;
using SchemaGen.Generator.Data;
using SchemaGen.SqlParsing.Lint;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>Collects one migration's changes as its statements are read, and where unqualified names go (its <c>search_path</c>).</summary>
    internal sealed class EffectWriter
    {
        public string DefaultSchema { get; set; } = ObjectName.DefaultSchema;

        public List<SchemaChange> Changes { get; } = new List<SchemaChange>();

        public void Add(SchemaChange change) => Changes.Add(change);

        /// <summary>The possibly schema-qualified name at <paramref name="index"/>, and how many tokens it spans.</summary>
        public ObjectName Name(TokenRange range, int index, out int length)
        {
            var name = range.QualifiedName(index, out length);
            var schema = length >= 3 ? range.Identifier(index + length - 3) : DefaultSchema;
            return new ObjectName(schema, name);
        }

        /// <summary>A parenthesized list of column names from <paramref name="index"/>; empty when one is not a plain name.</summary>
        public static EquatableArray<string> Columns(TokenRange range, int index)
        {
            var names = new List<string>();
            foreach (var part in range.InsideParentheses(index).SplitByCommas())
            {
                if (part.Count != 1 || part[0].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
                {
                    return EquatableArray<string>.Empty;
                }

                names.Add(part.Identifier(0));
            }

            return new EquatableArray<string>(names.ToArray());
        }

        /// <summary>Every identifier in <paramref name="range"/>: what an expression may name.</summary>
        public static EquatableArray<string> Identifiers(TokenRange range)
        {
            var names = new List<string>();
            for (var i = 0; i < range.Count; i++)
            {
                if (range[i].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
                {
                    var name = range.Identifier(i);
                    if (!names.Contains(name))
                    {
                        names.Add(name);
                    }
                }
            }

            return new EquatableArray<string>(names.ToArray());
        }

        /// <summary>The index just past the parentheses that open at <paramref name="index"/>.</summary>
        public static int After(TokenRange range, int index)
        {
            var inside = range.InsideParentheses(index);
            return inside.End - range.Start + 1;
        }
    }
}
