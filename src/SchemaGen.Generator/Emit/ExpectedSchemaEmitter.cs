using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SchemaGen.Generator.Data;
using SchemaGen.SqlParsing.Schema;
using static SchemaGen.Generator.Emit.GeneratedCode;

namespace SchemaGen.Generator.Emit
{
    /// <summary>
    /// One part of the expected schema's text: the first holds the header, the schemas, the types and the free sequences; each
    /// other holds up to <see cref="ExpectedSchemaEmitter.RelationsPerChunk"/> relations with their indexes and owned sequences.
    /// An edit that changes one table changes one part, and only that part is written and compiled again.
    /// </summary>
    internal sealed record ExpectedSchemaChunk(int Index, SchemaSnapshot Part);

    /// <summary>
    /// Writes the schema after the last migration as string constants, which the runtime's <c>ExpectedSchema</c> reads when a schema
    /// check first asks for it: one line per object, tab-separated fields, lists joined by U+001F; no reflection, nothing at start-up.
    /// </summary>
    internal static class ExpectedSchemaEmitter
    {
        public const string HintName = "SchemaGen.ExpectedSchema.g.cs";

        public const string ConstantName = "ExpectedSchemaText";

        public const int RelationsPerChunk = 100;

        private static readonly char[] Escaped = { '\\', '\t', '\n', '\r' };

        public static EquatableArray<ExpectedSchemaChunk> Split(SchemaSnapshot schema)
        {
            var chunks = new List<ExpectedSchemaChunk>
            {
                new ExpectedSchemaChunk(0, schema with
                {
                    Relations = EquatableArray<RelationShape>.Empty,
                    Indexes = EquatableArray<IndexShape>.Empty,
                    Sequences = EquatableArray.From(schema.Sequences.Where(sequence => sequence.OwnerTable.IsEmpty)),
                }),
            };
            var indexes = schema.Indexes.ToLookup(index => index.Table);
            var sequences = schema.Sequences.Where(sequence => !sequence.OwnerTable.IsEmpty).ToLookup(sequence => sequence.OwnerTable);
            for (var start = 0; start < schema.Relations.Count; start += RelationsPerChunk)
            {
                var relations = schema.Relations.Skip(start).Take(RelationsPerChunk).ToList();
                chunks.Add(new ExpectedSchemaChunk(chunks.Count, new SchemaSnapshot(
                    schema.Complete,
                    EquatableArray<string>.Empty,
                    new EquatableArray<RelationShape>(relations.ToArray()),
                    EquatableArray.From(relations.SelectMany(relation => indexes[relation.Name])),
                    EquatableArray.From(relations.SelectMany(relation => sequences[relation.Name])),
                    EquatableArray<TypeShape>.Empty)));
            }

            var relationNames = new HashSet<ObjectName>(schema.Relations.Select(relation => relation.Name));
            var orphans = schema.Indexes.Where(index => !relationNames.Contains(index.Table)).ToList();
            if (orphans.Count > 0)
            {
                chunks[0] = chunks[0] with { Part = chunks[0].Part with { Indexes = new EquatableArray<IndexShape>(orphans.ToArray()) } };
            }

            return new EquatableArray<ExpectedSchemaChunk>(chunks.ToArray());
        }

        public static string ChunkHintName(ExpectedSchemaChunk chunk) => "SchemaGen.ExpectedSchema." + chunk.Index.ToString("D3", CultureInfo.InvariantCulture) + ".g.cs";

        /// <summary>The constant the registry passes to its list: every part's constant, joined by the compiler.</summary>
        public static string EmitHead(int chunkCount)
            => NewFile()
                .Open($"namespace {WellKnownNames.GeneratedNamespace}")
                .Open($"internal static partial class {WellKnownNames.RegistryClass}")
                .Line("/// <summary>The schema the migrations build, as the compiler read it from them; the schema check compares the database with it.</summary>")
                .Line($"private const string {ConstantName} = {string.Join(" + ", Enumerable.Range(0, chunkCount).Select(PartName))};")
                .Close()
                .Close()
                .ToString();

        public static string EmitChunk(ExpectedSchemaChunk chunk)
            => NewFile()
                .Open($"namespace {WellKnownNames.GeneratedNamespace}")
                .Open($"internal static partial class {WellKnownNames.RegistryClass}")
                .Line($"private const string {PartName(chunk.Index)} = {StringLiteral(Text(chunk))};")
                .Close()
                .Close()
                .ToString();

        /// <summary>The whole text, as the runtime reads it once the compiler has joined the parts.</summary>
        public static string Text(SchemaSnapshot schema) => string.Concat(Split(schema).Select(Text));

        private static string Text(ExpectedSchemaChunk chunk)
        {
            var text = new StringBuilder();
            var part = chunk.Part;
            if (chunk.Index == 0)
            {
                text.Append("schemagen-schema\t1\n");
                Line(text, "complete", Flag(part.Complete));
            }

            foreach (var name in part.Schemas)
            {
                Line(text, "schema", name);
            }

            foreach (var relation in part.Relations)
            {
                Line(text, "relation", relation.Name.Schema, relation.Name.Name, relation.Kind.ToString(), Flag(relation.Known), Flag(relation.ConstraintsExact));
                if (!relation.Known)
                {
                    continue;
                }

                foreach (var column in relation.Columns)
                {
                    var defaultText = !column.HasDefault ? "-" : column.Default is null ? "?" : "=" + column.Default;
                    Line(text, "column", column.Name, column.Type ?? "?", Flag(column.NotNull), defaultText, column.Identity);
                }

                foreach (var constraint in relation.Constraints)
                {
                    Line(
                        text, "constraint", constraint.Name, constraint.Kind.ToString(), List(constraint.Columns),
                        constraint.References.Schema ?? string.Empty, constraint.References.Name ?? string.Empty, List(constraint.ReferencedColumns));
                }
            }

            foreach (var index in part.Indexes)
            {
                Line(text, "index", index.Name.Schema, index.Name.Name, index.Table.Name, Flag(index.Unique), index.Method, List(index.Keys), Flag(index.Partial));
            }

            foreach (var sequence in part.Sequences)
            {
                Line(text, "sequence", sequence.Name.Schema, sequence.Name.Name, sequence.OwnerTable.Name ?? string.Empty);
            }

            foreach (var type in part.Types)
            {
                Line(text, "type", type.Name.Schema, type.Name.Name, type.Kind.ToString(), Flag(type.Known), List(type.Values));
            }

            return text.ToString();
        }

        private static string PartName(int index) => ConstantName + index.ToString("D3", CultureInfo.InvariantCulture);

        /// <summary>A C# string literal, written directly: the text is plain ASCII but for what identifiers and defaults hold.</summary>
        private static string StringLiteral(string value)
        {
            var literal = new StringBuilder(value.Length + (value.Length / 8) + 2).Append('"');
            foreach (var c in value)
            {
                _ = c switch
                {
                    '"' => literal.Append("\\\""),
                    '\\' => literal.Append("\\\\"),
                    '\n' => literal.Append("\\n"),
                    '\t' => literal.Append("\\t"),
                    '\r' => literal.Append("\\r"),
                    _ when c < ' ' || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' => literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                    _ => literal.Append(c),
                };
            }

            return literal.Append('"').ToString();
        }

        private static string Flag(bool value) => value ? "1" : "0";

        private static string List(IEnumerable<string> items) => string.Join("\u001f", items);

        private static void Line(StringBuilder text, params string[] fields)
        {
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    text.Append('\t');
                }

                var field = fields[i];
                if (field.IndexOfAny(Escaped) < 0)
                {
                    text.Append(field);
                    continue;
                }

                foreach (var c in field)
                {
                    _ = c switch { '\\' => text.Append("\\\\"), '\t' => text.Append("\\t"), '\n' => text.Append("\\n"), '\r' => text.Append("\\r"), _ => text.Append(c) };
                }
            }

            text.Append('\n');
        }
    }
}
