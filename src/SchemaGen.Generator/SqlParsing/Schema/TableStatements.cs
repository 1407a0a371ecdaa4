using System.Collections.Generic;
using SchemaGen.Generator.Data;
using SchemaGen.SqlParsing.Lint;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>
    /// <c>CREATE TABLE</c>, and the column and constraint definitions it shares with <c>ALTER TABLE … ADD</c>.
    /// A temporary table changes nothing that lasts; a table made <c>AS</c> a query, <c>OF</c> a type, <c>LIKE</c> or
    /// <c>INHERITS</c> another, or as a partition, exists with columns the model does not know.
    /// </summary>
    internal static class TableStatements
    {
        private static readonly HashSet<string> TableConstraintWords = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE",
        };

        private static readonly HashSet<string> ColumnConstraintStarts = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "GENERATED", "COLLATE", "DEFERRABLE", "INITIALLY",
        };

        public static bool ReadCreate(TokenRange statement, EffectWriter writer)
        {
            var i = 1;
            var temporary = false;
            while (statement.Is(i, "GLOBAL") || statement.Is(i, "LOCAL") || statement.Is(i, "TEMP") || statement.Is(i, "TEMPORARY") || statement.Is(i, "UNLOGGED"))
            {
                temporary |= statement.Is(i, "TEMP") || statement.Is(i, "TEMPORARY");
                i++;
            }

            i++;
            var ifNotExists = statement.Has(i, "IF", "NOT", "EXISTS");
            i += ifNotExists ? 3 : 0;
            if (i >= statement.Count)
            {
                return false;
            }

            if (temporary)
            {
                return true;
            }

            var table = writer.Name(statement, i, out var length);
            var rest = statement.Skip(i + length);
            if (rest.IsEmpty || rest.Text(0) != "(" || rest.Contains("INHERITS") || rest.Contains("PARTITION") && rest.Find("PARTITION") == 0)
            {
                writer.Add(new SchemaChange(ChangeKind.CreateUnknownRelation, table, Option: ifNotExists, Kind2: 'r'));
                return !rest.IsEmpty && rest.Is(0, "AS");
            }

            var columns = new List<ColumnSpec>();
            var constraints = new List<ConstraintSpec>();
            foreach (var element in rest.InsideParentheses(0).SplitByCommas())
            {
                if (element.IsEmpty)
                {
                    continue;
                }

                if (element.Is(0, "LIKE"))
                {
                    writer.Add(new SchemaChange(ChangeKind.CreateUnknownRelation, table, Option: ifNotExists, Kind2: 'r'));
                    return false;
                }

                if (element[0].Kind == SqlTokenKind.Word && TableConstraintWords.Contains(element.Text(0)))
                {
                    constraints.Add(ReadTableConstraint(element, writer));
                }
                else if (ReadColumn(element, writer, constraints) is { } column)
                {
                    columns.Add(column);
                }
                else
                {
                    writer.Add(new SchemaChange(ChangeKind.CreateUnknownRelation, table, Option: ifNotExists, Kind2: 'r'));
                    return false;
                }
            }

            writer.Add(new SchemaChange(
                ChangeKind.CreateTable, table, Option: ifNotExists, Columns: new EquatableArray<ColumnSpec>(columns.ToArray()), Constraints: new EquatableArray<ConstraintSpec>(constraints.ToArray())));
            return true;
        }

        /// <summary>A column definition from its name on; its inline constraints go to <paramref name="constraints"/>. Null when it is not one.</summary>
        public static ColumnSpec? ReadColumn(TokenRange element, EffectWriter writer, List<ConstraintSpec> constraints)
        {
            if (ColumnDefinition.Read(element) is not { } definition)
            {
                return null;
            }

            var name = definition.Name;
            var type = TypeNames.Normalize(definition.Type, writer.DefaultSchema);
            var serial = TypeNames.IsSerial(definition.Type);
            var notNull = serial;
            string? defaultSql = null;
            var identity = string.Empty;
            var generated = false;
            string? constraintName = null;
            var whole = definition.Whole;
            var i = 1 + definition.Type.Count;
            while (i < whole.Count)
            {
                if (whole.Is(i, "CONSTRAINT") && i + 1 < whole.Count)
                {
                    constraintName = whole.Identifier(i + 1);
                    i += 2;
                    continue;
                }

                var start = i;
                if (whole.Has(i, "NOT", "NULL"))
                {
                    notNull = true;
                    i += 2;
                }
                else if (whole.Is(i, "NULL"))
                {
                    i++;
                }
                else if (whole.Is(i, "DEFAULT"))
                {
                    var expression = definition.DefaultExpression;
                    defaultSql = expression.IsEmpty ? null : expression.TextOf(0, expression.Count - 1);
                    i = expression.End - whole.Start;
                }
                else if (whole.Has(i, "PRIMARY", "KEY"))
                {
                    notNull = true;
                    constraints.Add(Key(constraintName, 'p', name));
                    i += 2;
                }
                else if (whole.Is(i, "UNIQUE"))
                {
                    constraints.Add(Key(constraintName, 'u', name));
                    i++;
                }
                else if (whole.Is(i, "CHECK"))
                {
                    constraints.Add(new ConstraintSpec(constraintName, 'c', EquatableArray<string>.Empty, default, EquatableArray<string>.Empty, EffectWriter.Identifiers(whole.InsideParentheses(i)), null));
                    i = EffectWriter.After(whole, i);
                }
                else if (whole.Is(i, "REFERENCES") && i + 1 < whole.Count)
                {
                    var target = writer.Name(whole, i + 1, out var length);
                    i += 1 + length;
                    var referenced = i < whole.Count && whole.Text(i) == "(" ? EffectWriter.Columns(whole, i) : EquatableArray<string>.Empty;
                    i = referenced.Count > 0 ? EffectWriter.After(whole, i) : i;
                    i = SkipReferentialActions(whole, i);
                    constraints.Add(new ConstraintSpec(constraintName, 'f', new EquatableArray<string>(new[] { name }), target, referenced, EquatableArray<string>.Empty, null));
                }
                else if (whole.Is(i, "GENERATED"))
                {
                    var asAt = whole.Find("AS", i);
                    if (asAt < 0)
                    {
                        return null;
                    }

                    if (whole.Is(asAt + 1, "IDENTITY"))
                    {
                        identity = whole.Is(i + 1, "ALWAYS") ? "a" : "d";
                        notNull = true;
                        i = asAt + 2 < whole.Count && whole.Text(asAt + 2) == "(" ? EffectWriter.After(whole, asAt + 2) : asAt + 2;
                    }
                    else
                    {
                        generated = true;
                        i = EffectWriter.After(whole, asAt + 1);
                    }
                }

                if (i == start)
                {
                    i++;
                }
                else
                {
                    constraintName = null;
                }
            }

            return new ColumnSpec(name, type, notNull, defaultSql, identity, serial, generated);
        }

        /// <summary>A table constraint: <c>[CONSTRAINT name] PRIMARY KEY | UNIQUE | CHECK | FOREIGN KEY | EXCLUDE …</c>.</summary>
        public static ConstraintSpec ReadTableConstraint(TokenRange element, EffectWriter writer)
        {
            string? name = null;
            var i = 0;
            if (element.Is(0, "CONSTRAINT") && element.Count > 1)
            {
                name = element.Identifier(1);
                i = 2;
            }

            var usingIndex = element.Find("USING", i) is var at and >= 0 && element.Is(at + 1, "INDEX") && at + 2 < element.Count && !element.Is(at + 2, "TABLESPACE")
                ? element.Identifier(at + 2)
                : null;
            if (element.Has(i, "PRIMARY", "KEY"))
            {
                return new ConstraintSpec(name, 'p', usingIndex is null ? EffectWriter.Columns(element, i + 2) : EquatableArray<string>.Empty, default, EquatableArray<string>.Empty, EquatableArray<string>.Empty, usingIndex);
            }

            if (element.Is(i, "UNIQUE"))
            {
                return new ConstraintSpec(name, 'u', usingIndex is null ? EffectWriter.Columns(element, i + 1) : EquatableArray<string>.Empty, default, EquatableArray<string>.Empty, EquatableArray<string>.Empty, usingIndex);
            }

            if (element.Is(i, "CHECK"))
            {
                return new ConstraintSpec(name, 'c', EquatableArray<string>.Empty, default, EquatableArray<string>.Empty, EffectWriter.Identifiers(element.InsideParentheses(i)), null);
            }

            if (element.Has(i, "FOREIGN", "KEY"))
            {
                var columns = EffectWriter.Columns(element, i + 2);
                var references = element.Find("REFERENCES", i);
                if (references > 0 && references + 1 < element.Count)
                {
                    var target = writer.Name(element, references + 1, out var length);
                    var after = references + 1 + length;
                    var referenced = after < element.Count && element.Text(after) == "(" ? EffectWriter.Columns(element, after) : EquatableArray<string>.Empty;
                    return new ConstraintSpec(name, 'f', columns, target, referenced, EquatableArray<string>.Empty, null);
                }
            }

            return new ConstraintSpec(name, 'x', EquatableArray<string>.Empty, default, EquatableArray<string>.Empty, EffectWriter.Identifiers(element), null);
        }

        /// <summary>Past <c>MATCH …</c>, <c>ON DELETE …</c> and <c>ON UPDATE …</c> of a REFERENCES clause.</summary>
        private static int SkipReferentialActions(TokenRange whole, int i)
        {
            while (i < whole.Count)
            {
                if (whole.Is(i, "MATCH"))
                {
                    i += 2;
                }
                else if (whole.Is(i, "ON") && (whole.Is(i + 1, "DELETE") || whole.Is(i + 1, "UPDATE")))
                {
                    i += whole.Is(i + 2, "SET") || whole.Is(i + 2, "NO") ? 4 : 3;
                    if (i < whole.Count && whole.Text(i) == "(")
                    {
                        i = EffectWriter.After(whole, i);
                    }
                }
                else
                {
                    return i;
                }
            }

            return i;
        }

        private static ConstraintSpec Key(string? name, char kind, string column)
            => new ConstraintSpec(name, kind, new EquatableArray<string>(new[] { column }), default, EquatableArray<string>.Empty, EquatableArray<string>.Empty, null);
    }
}
