using System.Collections.Generic;
using SchemaGen.Generator.Data;
using SchemaGen.SqlParsing.Lint;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>Views, materialized views, sequences, types, domains and schemas: created, renamed, dropped; enums' values.</summary>
    internal static class ObjectStatements
    {
        /// <summary><c>CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW name … AS</c>, <c>CREATE MATERIALIZED VIEW [IF NOT EXISTS] name … AS</c>.</summary>
        public static bool ReadCreateView(TokenRange statement, EffectWriter writer, int at, char kind)
        {
            var orReplace = statement.Has(1, "OR", "REPLACE");
            var i = at;
            var ifNotExists = statement.Has(i, "IF", "NOT", "EXISTS");
            i += ifNotExists ? 3 : 0;
            if (i >= statement.Count)
            {
                return false;
            }

            for (var k = 1; k < at; k++)
            {
                if (statement.Is(k, "TEMP") || statement.Is(k, "TEMPORARY"))
                {
                    return true;
                }
            }

            var view = writer.Name(statement, i, out var length);
            var query = statement.Find("AS", i + length);
            var dependsOn = new List<ObjectName>();
            if (query > 0)
            {
                for (var k = query + 1; k < statement.Count; k++)
                {
                    if (statement[k].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && !(k + 1 < statement.Count && statement.Text(k + 1) == "("))
                    {
                        var name = writer.Name(statement, k, out var span);
                        if (!dependsOn.Contains(name))
                        {
                            dependsOn.Add(name);
                        }

                        k += span - 1;
                    }
                }
            }

            writer.Add(new SchemaChange(ChangeKind.CreateView, view, Option: orReplace || ifNotExists, Kind2: kind, Names: new EquatableArray<ObjectName>(dependsOn.ToArray())));
            return true;
        }

        public static bool ReadCreateSequence(TokenRange statement, EffectWriter writer, int at)
        {
            if (statement.Is(1, "TEMP") || statement.Is(1, "TEMPORARY"))
            {
                return true;
            }

            var i = at + (statement.Has(at, "IF", "NOT", "EXISTS") ? 3 : 0);
            if (i >= statement.Count)
            {
                return false;
            }

            writer.Add(new SchemaChange(ChangeKind.CreateSequence, writer.Name(statement, i, out _), Option: statement.Has(at, "IF", "NOT", "EXISTS")));
            return true;
        }

        /// <summary><c>CREATE TYPE name AS ENUM (…)</c>, <c>AS (…)</c> (composite), <c>AS RANGE</c>, a base type; <c>CREATE DOMAIN</c>.</summary>
        public static bool ReadCreateType(TokenRange statement, EffectWriter writer, bool domain)
        {
            if (statement.Count < 3)
            {
                return false;
            }

            var type = writer.Name(statement, 2, out var length);
            var rest = statement.Skip(2 + length);
            if (!domain && rest.Has(0, "AS", "ENUM"))
            {
                var values = new List<string>();
                foreach (var value in rest.InsideParentheses(2).SplitByCommas())
                {
                    if (value.Count == 1 && value[0].Kind == SqlTokenKind.String)
                    {
                        values.Add(value.Text(0));
                    }
                }

                writer.Add(new SchemaChange(ChangeKind.CreateType, type, Kind2: 'e', Items: new EquatableArray<string>(values.ToArray())));
                return true;
            }

            var kind = domain ? 'd' : rest.Has(0, "AS", "RANGE") ? 'r' : rest.Is(0, "AS") ? 'c' : 'b';
            writer.Add(new SchemaChange(ChangeKind.CreateType, type, Kind2: kind));
            return true;
        }

        /// <summary><c>ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'w'] | RENAME VALUE 'a' TO 'b' | RENAME TO n | SET SCHEMA …</c>.</summary>
        public static bool ReadAlterType(TokenRange statement, EffectWriter writer)
        {
            if (statement.Count < 4)
            {
                return false;
            }

            var type = writer.Name(statement, 2, out var length);
            var rest = statement.Skip(2 + length);
            if (rest.Has(0, "ADD", "VALUE"))
            {
                var ifNotExists = rest.Has(2, "IF", "NOT", "EXISTS");
                var at = ifNotExists ? 5 : 2;
                if (at >= rest.Count || rest[at].Kind != SqlTokenKind.String)
                {
                    return false;
                }

                var position = rest.Is(at + 1, "BEFORE") || rest.Is(at + 1, "AFTER") ? rest.Text(at + 1).ToUpperInvariant() : null;
                var neighbour = position is null || at + 2 >= rest.Count ? null : rest.Text(at + 2);
                writer.Add(new SchemaChange(
                    ChangeKind.AddEnumValue, type, Name: neighbour, Text: rest.Text(at), Option: ifNotExists, Kind2: position is null ? ' ' : position[0]));
                return true;
            }

            if (rest.Has(0, "RENAME", "VALUE") && rest.Count == 5 && rest.Is(3, "TO"))
            {
                writer.Add(new SchemaChange(ChangeKind.RenameEnumValue, type, Name: rest.Text(2), Text: rest.Text(4)));
                return true;
            }

            if (rest.Has(0, "RENAME", "TO") && rest.Count == 3)
            {
                writer.Add(new SchemaChange(ChangeKind.RenameType, type, Name: rest.Identifier(2)));
                return true;
            }

            if (rest.Is(0, "OWNER") || rest.Has(0, "RENAME", "ATTRIBUTE") || rest.Is(0, "ADD") || rest.Is(0, "DROP") || rest.Is(0, "ALTER"))
            {
                return true;
            }

            writer.Add(new SchemaChange(ChangeKind.MayTouchAnything, type));
            return false;
        }

        /// <summary><c>DROP TABLE|VIEW|MATERIALIZED VIEW|SEQUENCE|INDEX|TYPE|DOMAIN|SCHEMA [CONCURRENTLY] [IF EXISTS] names [CASCADE]</c>.</summary>
        public static bool ReadDrop(TokenRange statement, EffectWriter writer)
        {
            var i = 1;
            var what = statement.Text(i).ToUpperInvariant();
            if (statement.Has(1, "MATERIALIZED", "VIEW"))
            {
                what = "VIEW";
                i++;
            }

            i++;
            if (statement.Is(i, "CONCURRENTLY"))
            {
                i++;
            }

            var ifExists = statement.Has(i, "IF", "EXISTS");
            i += ifExists ? 2 : 0;
            var cascade = statement.Is(statement.Count - 1, "CASCADE");
            var names = new List<ObjectName>();
            foreach (var part in statement.Skip(i).SplitByCommas())
            {
                if (part.IsEmpty)
                {
                    return false;
                }

                if (what == "SCHEMA")
                {
                    names.Add(new ObjectName(part.Identifier(0), string.Empty));
                    continue;
                }

                names.Add(writer.Name(part, 0, out _));
            }

            var kind = what switch
            {
                "TYPE" or "DOMAIN" => ChangeKind.DropType,
                "SCHEMA" => ChangeKind.DropSchema,
                "INDEX" => ChangeKind.DropIndex,
                _ => ChangeKind.DropRelation,
            };
            foreach (var name in names)
            {
                writer.Add(new SchemaChange(kind, name, Option: ifExists, Kind2: cascade ? 'c' : ' '));
            }

            return true;
        }

        /// <summary><c>ALTER INDEX|SEQUENCE|VIEW|MATERIALIZED VIEW [IF EXISTS] name RENAME TO n</c>; their other forms change nothing the model holds.</summary>
        public static bool ReadAlterRelation(TokenRange statement, EffectWriter writer, int at)
        {
            var i = at + (statement.Has(at, "IF", "EXISTS") ? 2 : 0);
            if (i >= statement.Count || statement.Has(at, "ALL", "IN"))
            {
                return true;
            }

            var name = writer.Name(statement, i, out var length);
            var rest = statement.Skip(i + length);
            if (rest.Has(0, "RENAME", "TO") && rest.Count == 3)
            {
                writer.Add(new SchemaChange(ChangeKind.Rename, name, Name: rest.Identifier(2)));
            }
            else if (rest.Has(0, "SET", "SCHEMA") && rest.Count == 3)
            {
                writer.Add(new SchemaChange(ChangeKind.SetSchema, name, Name: rest.Identifier(2)));
            }

            return true;
        }
    }
}
