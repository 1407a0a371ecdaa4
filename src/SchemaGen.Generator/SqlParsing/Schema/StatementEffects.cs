using System.Collections.Generic;
using SchemaGen.Generator.Data;
using SchemaGen.SqlParsing.Lint;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>
    /// Reads what one statement does to the schema into changes. Returns false for a statement the model cannot follow,
    /// after writing the change that marks what it may have touched as unknown.
    /// </summary>
    internal static class StatementEffects
    {
        /// <summary>Statements that change no table, column, index, constraint, view, sequence or type.</summary>
        private static readonly HashSet<string> Harmless = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "COMMENT", "GRANT", "REVOKE", "ANALYZE", "ANALYSE", "VACUUM", "REFRESH", "CLUSTER", "REINDEX", "LOCK", "NOTIFY", "LISTEN",
            "UNLISTEN", "DISCARD", "BEGIN", "COMMIT", "END", "START", "SAVEPOINT", "RELEASE", "TRUNCATE", "SECURITY", "RESET", "CHECKPOINT",
            "DEALLOCATE", "PREPARE", "LOAD", "SHOW", "EXPLAIN", "ABORT", "ROLLBACK",
        };

        /// <summary>Statements that read or write rows; they change the schema only through a function they call.</summary>
        private static readonly HashSet<string> DataStatements = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "MERGE", "CALL", "COPY", "VALUES", "TABLE", "EXECUTE",
        };

        /// <summary>What CREATE, ALTER and DROP may act on without changing what the model holds.</summary>
        private static readonly HashSet<string> HarmlessObjects = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "TRIGGER", "FUNCTION", "PROCEDURE", "AGGREGATE", "OPERATOR", "CAST", "COLLATION", "POLICY", "ROLE", "USER", "GROUP",
            "RULE", "PUBLICATION", "SUBSCRIPTION", "STATISTICS", "CONVERSION", "TEXT", "EVENT", "ROUTINE", "LANGUAGE", "DEFAULT", "TRANSFORM",
        };

        public static bool Read(SqlStatement sql, EffectWriter writer)
        {
            var statement = new TokenRange(sql, 0, sql.Tokens.Count);
            if (statement.IsEmpty)
            {
                return true;
            }

            var verb = statement.Text(0).ToUpperInvariant();
            switch (verb)
            {
                case "CREATE":
                    return ReadCreate(statement, writer);
                case "ALTER":
                    return ReadAlter(statement, writer);
                case "DROP":
                    return ReadDrop(statement, writer);
                case "SET":
                    ReadSet(statement, writer);
                    return true;
                case "DO":
                    return ReadDo(statement, writer);
            }

            if (DataStatements.Contains(verb))
            {
                AddCalls(statement, writer);
                return true;
            }

            if (Harmless.Contains(verb))
            {
                return true;
            }

            writer.Add(new SchemaChange(ChangeKind.MayTouchAnything, default));
            return false;
        }

        private static bool ReadCreate(TokenRange statement, EffectWriter writer)
        {
            var i = 1;
            if (statement.Has(1, "OR", "REPLACE"))
            {
                i = 3;
            }

            while (statement.Is(i, "GLOBAL") || statement.Is(i, "LOCAL") || statement.Is(i, "TEMP") || statement.Is(i, "TEMPORARY") || statement.Is(i, "UNLOGGED")
                   || statement.Is(i, "RECURSIVE") || statement.Is(i, "UNIQUE") || statement.Is(i, "CONSTRAINT") || statement.Is(i, "TRUSTED"))
            {
                i++;
            }

            if (statement.Is(i, "TABLE"))
            {
                return TableStatements.ReadCreate(statement, writer) || Unfollowed(statement, writer);
            }

            if (statement.Is(i, "INDEX"))
            {
                return IndexStatements.ReadCreate(statement, writer) || Unfollowed(statement, writer);
            }

            if (statement.Is(i, "VIEW"))
            {
                return ObjectStatements.ReadCreateView(statement, writer, i + 1, 'v');
            }

            if (statement.Has(i, "MATERIALIZED", "VIEW"))
            {
                return ObjectStatements.ReadCreateView(statement, writer, i + 2, 'm');
            }

            if (statement.Is(i, "SEQUENCE"))
            {
                return ObjectStatements.ReadCreateSequence(statement, writer, i + 1);
            }

            if (statement.Is(i, "TYPE") || statement.Is(i, "DOMAIN"))
            {
                return ObjectStatements.ReadCreateType(statement, writer, statement.Is(i, "DOMAIN"));
            }

            if (statement.Is(i, "SCHEMA"))
            {
                var at = i + 1 + (statement.Has(i + 1, "IF", "NOT", "EXISTS") ? 3 : 0);
                if (at < statement.Count && !statement.Is(at, "AUTHORIZATION"))
                {
                    writer.Add(new SchemaChange(ChangeKind.CreateSchema, new ObjectName(statement.Identifier(at), string.Empty)));
                    return statement.Count == at + 1 || statement.Is(at + 1, "AUTHORIZATION");
                }

                return Unfollowed(statement, writer);
            }

            if (statement.Is(i, "EXTENSION"))
            {
                writer.Add(new SchemaChange(ChangeKind.AddsUnnamedObjects, default));
                return true;
            }

            if (statement.Is(i, "FUNCTION") || statement.Is(i, "PROCEDURE"))
            {
                ReadFunction(statement, writer, i + 1);
                return true;
            }

            return HarmlessObjects.Contains(statement.Text(i)) || Unfollowed(statement, writer);
        }

        private static bool ReadAlter(TokenRange statement, EffectWriter writer)
        {
            if (statement.Is(1, "TABLE") || statement.Is(1, "FOREIGN"))
            {
                return AlterTableStatements.Read(statement, writer, statement.Is(1, "FOREIGN") ? 3 : 2);
            }

            if (statement.Is(1, "INDEX") || statement.Is(1, "SEQUENCE") || statement.Is(1, "VIEW"))
            {
                return ObjectStatements.ReadAlterRelation(statement, writer, 2);
            }

            if (statement.Has(1, "MATERIALIZED", "VIEW"))
            {
                return ObjectStatements.ReadAlterRelation(statement, writer, 3);
            }

            if (statement.Is(1, "TYPE"))
            {
                return ObjectStatements.ReadAlterType(statement, writer);
            }

            if (statement.Is(1, "DOMAIN") || statement.Is(1, "EXTENSION") || statement.Is(1, "DATABASE") || statement.Is(1, "SYSTEM") || HarmlessObjects.Contains(statement.Text(1)))
            {
                return true;
            }

            if (statement.Is(1, "SCHEMA") && !statement.Contains("RENAME"))
            {
                return true;
            }

            return Unfollowed(statement, writer);
        }

        private static bool ReadDrop(TokenRange statement, EffectWriter writer)
        {
            if (HarmlessObjects.Contains(statement.Text(1)) || (statement.Is(1, "EXTENSION") && !statement.Contains("CASCADE")))
            {
                return true;
            }

            foreach (var what in new[] { "TABLE", "VIEW", "MATERIALIZED", "SEQUENCE", "INDEX", "TYPE", "DOMAIN", "SCHEMA" })
            {
                if (statement.Is(1, what))
                {
                    return ObjectStatements.ReadDrop(statement, writer) || Unfollowed(statement, writer);
                }
            }

            return Unfollowed(statement, writer);
        }

        /// <summary><c>SET [LOCAL|SESSION] search_path TO|= a, b</c>: unqualified names that follow go to the first schema.</summary>
        private static void ReadSet(TokenRange statement, EffectWriter writer)
        {
            var i = statement.Is(1, "LOCAL") || statement.Is(1, "SESSION") ? 2 : 1;
            if (statement.Is(i, "search_path") && i + 2 < statement.Count)
            {
                var first = statement.Skip(i + 2).SplitByCommas()[0];
                if (first.Count == 1)
                {
                    writer.DefaultSchema = first[0].Kind == SqlTokenKind.String ? DdlBodies.Inside(first.Text(0)) : first.Identifier(0);
                }
            }
        }

        private static bool ReadDo(TokenRange statement, EffectWriter writer)
        {
            var body = -1;
            for (var i = 1; i < statement.Count; i++)
            {
                if (statement[i].Kind == SqlTokenKind.String)
                {
                    body = i;
                    break;
                }
            }

            if (body < 0)
            {
                return Unfollowed(statement, writer);
            }

            var scan = DdlBodies.Scan(DdlBodies.Inside(statement.Text(body)), writer.DefaultSchema);
            if (scan.Calls.Count > 0)
            {
                writer.Add(new SchemaChange(ChangeKind.CallFunctions, default, Items: scan.Calls));
            }

            if (!scan.ChangesSchema)
            {
                return true;
            }

            writer.Add(scan.Anything
                ? new SchemaChange(ChangeKind.MayTouchAnything, default)
                : new SchemaChange(ChangeKind.MayTouch, default, Names: scan.Touched));
            return false;
        }

        /// <summary>A function or procedure: remembered when its body runs DDL, so a later call of it marks what it touches.</summary>
        private static void ReadFunction(TokenRange statement, EffectWriter writer, int at)
        {
            if (at >= statement.Count)
            {
                return;
            }

            var name = writer.Name(statement, at, out _);
            var body = string.Empty;
            for (var i = at; i < statement.Count; i++)
            {
                if (statement.Is(i, "AS") && i + 1 < statement.Count && statement[i + 1].Kind == SqlTokenKind.String)
                {
                    body = DdlBodies.Inside(statement.Text(i + 1));
                    break;
                }

                if (statement.Has(i, "BEGIN", "ATOMIC") || statement.Is(i, "RETURN"))
                {
                    body = statement.TextOf(i, statement.Count - 1);
                    break;
                }
            }

            var scan = DdlBodies.Scan(body, writer.DefaultSchema);
            writer.Add(new SchemaChange(ChangeKind.DefineFunction, name, Option: scan.Anything, Names: scan.Touched, Items: scan.Calls));
        }

        private static void AddCalls(TokenRange statement, EffectWriter writer)
        {
            var calls = Calls(statement);
            if (calls.Count > 0)
            {
                writer.Add(new SchemaChange(ChangeKind.CallFunctions, default, Items: calls));
            }
        }

        /// <summary>The names before an opening parenthesis: the functions a statement may call (and some table names, which match none).</summary>
        public static EquatableArray<string> Calls(TokenRange range)
        {
            var names = new List<string>();
            for (var i = 0; i + 1 < range.Count; i++)
            {
                if (range[i].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && range.Text(i + 1) == "(")
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

        private static bool Unfollowed(TokenRange statement, EffectWriter writer)
        {
            writer.Add(new SchemaChange(ChangeKind.MayTouchAnything, default));
            return false;
        }
    }
}
