using System.Collections.Generic;
using SchemaGen.Generator.Data;
using SchemaGen.SqlParsing.Lint;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>
    /// <c>ALTER TABLE</c>: its actions one by one. Actions that change nothing the model holds (storage, owner, triggers,
    /// row security, statistics) are passed over; one the model cannot follow makes the table unknown.
    /// </summary>
    internal static class AlterTableStatements
    {
        private static readonly string[] Ignored =
        {
            "OWNER", "ENABLE", "DISABLE", "CLUSTER", "SET", "RESET", "REPLICA", "FORCE", "NO", "VALIDATE", "INHERIT", "OF", "NOT",
        };

        /// <param name="statement">The statement.</param>
        /// <param name="writer">Where the changes go.</param>
        /// <param name="at">Where the relation's name starts.</param>
        public static bool Read(TokenRange statement, EffectWriter writer, int at)
        {
            var i = at;
            if (statement.Has(i, "IF", "EXISTS"))
            {
                i += 2;
            }

            if (statement.Is(i, "ONLY"))
            {
                i++;
            }

            if (i >= statement.Count || statement.Has(i, "ALL", "IN"))
            {
                return true;
            }

            var table = writer.Name(statement, i, out var length);
            i += length;
            if (i < statement.Count && statement.Text(i) == "*")
            {
                i++;
            }

            var followed = true;
            foreach (var action in statement.Skip(i).SplitByCommas())
            {
                if (!action.IsEmpty && !ReadAction(action, table, writer))
                {
                    writer.Add(new SchemaChange(ChangeKind.MayTouch, table, Names: new EquatableArray<ObjectName>(new[] { table })));
                    followed = false;
                }
            }

            return followed;
        }

        private static bool ReadAction(TokenRange action, ObjectName table, EffectWriter writer)
        {
            if (action.Is(0, "ADD"))
            {
                return ReadAdd(action, table, writer);
            }

            if (action.Is(0, "DROP"))
            {
                return ReadDrop(action, table, writer);
            }

            if (action.Is(0, "ALTER"))
            {
                return ReadAlterColumn(action, table, writer);
            }

            if (action.Is(0, "RENAME"))
            {
                return ReadRename(action, table, writer);
            }

            if (action.Has(0, "SET", "SCHEMA") && action.Count == 3)
            {
                writer.Add(new SchemaChange(ChangeKind.SetSchema, table, Name: action.Identifier(2)));
                return true;
            }

            if (action.Has(0, "ATTACH") || action.Has(0, "DETACH"))
            {
                return false;
            }

            foreach (var word in Ignored)
            {
                if (action.Is(0, word))
                {
                    return !(action.Has(0, "SET", "WITH", "OIDS") || action.Has(0, "SET", "DATA"));
                }
            }

            return false;
        }

        private static bool ReadAdd(TokenRange action, ObjectName table, EffectWriter writer)
        {
            var j = action.Is(1, "COLUMN") ? 2 : 1;
            var ifNotExists = action.Has(j, "IF", "NOT", "EXISTS");
            j += ifNotExists ? 3 : 0;
            var rest = action.Skip(j);
            if (rest.IsEmpty)
            {
                return false;
            }

            if (!action.Is(1, "COLUMN") && rest[0].Kind == SqlTokenKind.Word
                && (rest.Is(0, "CONSTRAINT") || rest.Is(0, "PRIMARY") || rest.Is(0, "UNIQUE") || rest.Is(0, "CHECK") || rest.Is(0, "FOREIGN") || rest.Is(0, "EXCLUDE")))
            {
                writer.Add(new SchemaChange(ChangeKind.AddConstraint, table, Constraint: TableStatements.ReadTableConstraint(rest, writer)));
                return true;
            }

            var constraints = new List<ConstraintSpec>();
            if (TableStatements.ReadColumn(rest, writer, constraints) is not { } column)
            {
                return false;
            }

            writer.Add(new SchemaChange(ChangeKind.AddColumn, table, Option: ifNotExists, Column: column, Constraints: new EquatableArray<ConstraintSpec>(constraints.ToArray())));
            return true;
        }

        private static bool ReadDrop(TokenRange action, ObjectName table, EffectWriter writer)
        {
            var isConstraint = action.Is(1, "CONSTRAINT");
            var j = isConstraint || action.Is(1, "COLUMN") ? 2 : 1;
            var ifExists = action.Has(j, "IF", "EXISTS");
            j += ifExists ? 2 : 0;
            if (j >= action.Count)
            {
                return false;
            }

            var cascade = action.Is(action.Count - 1, "CASCADE");
            writer.Add(new SchemaChange(isConstraint ? ChangeKind.DropConstraint : ChangeKind.DropColumn, table, Name: action.Identifier(j), Option: ifExists, Kind2: cascade ? 'c' : ' '));
            return true;
        }

        private static bool ReadAlterColumn(TokenRange action, ObjectName table, EffectWriter writer)
        {
            if (action.Is(1, "CONSTRAINT"))
            {
                return true;
            }

            var j = action.Is(1, "COLUMN") ? 2 : 1;
            if (j + 1 >= action.Count)
            {
                return false;
            }

            var column = action.Identifier(j);
            var rest = action.Skip(j + 1);
            if (rest.Is(0, "TYPE") || rest.Has(0, "SET", "DATA", "TYPE"))
            {
                var type = rest.Skip(rest.Is(0, "TYPE") ? 1 : 3);
                var end = 0;
                while (end < type.Count && !type.Is(end, "USING") && !type.Is(end, "COLLATE"))
                {
                    end++;
                }

                var normalized = TypeNames.Normalize(new TokenRange(type.Statement, type.Start, type.Start + end), writer.DefaultSchema);
                writer.Add(new SchemaChange(ChangeKind.SetType, table, Name: column, Text: normalized));
                return true;
            }

            if (rest.Has(0, "SET", "NOT", "NULL"))
            {
                writer.Add(new SchemaChange(ChangeKind.SetNotNull, table, Name: column));
                return true;
            }

            if (rest.Has(0, "DROP", "NOT", "NULL"))
            {
                writer.Add(new SchemaChange(ChangeKind.DropNotNull, table, Name: column));
                return true;
            }

            if (rest.Has(0, "SET", "DEFAULT") && rest.Count > 2)
            {
                writer.Add(new SchemaChange(ChangeKind.SetDefault, table, Name: column, Text: rest.TextOf(2, rest.Count - 1)));
                return true;
            }

            if (rest.Has(0, "DROP", "DEFAULT"))
            {
                writer.Add(new SchemaChange(ChangeKind.DropDefault, table, Name: column));
                return true;
            }

            if (rest.Has(0, "ADD", "GENERATED"))
            {
                writer.Add(new SchemaChange(ChangeKind.AddIdentity, table, Name: column, Text: rest.Is(2, "ALWAYS") ? "a" : "d"));
                return true;
            }

            if (rest.Has(0, "DROP", "IDENTITY"))
            {
                writer.Add(new SchemaChange(ChangeKind.DropIdentity, table, Name: column, Option: rest.Has(2, "IF", "EXISTS")));
                return true;
            }

            if (rest.Has(0, "DROP", "EXPRESSION"))
            {
                writer.Add(new SchemaChange(ChangeKind.DropDefault, table, Name: column));
                return true;
            }

            return rest.Has(0, "SET", "STATISTICS") || rest.Has(0, "SET", "STORAGE") || rest.Has(0, "SET", "COMPRESSION") || (rest.Is(0, "SET") && rest.Text(1) == "(") || rest.Is(0, "RESET");
        }

        private static bool ReadRename(TokenRange action, ObjectName table, EffectWriter writer)
        {
            if (action.Has(1, "TO") && action.Count == 3)
            {
                writer.Add(new SchemaChange(ChangeKind.Rename, table, Name: action.Identifier(2)));
                return true;
            }

            var isConstraint = action.Is(1, "CONSTRAINT");
            var j = isConstraint || action.Is(1, "COLUMN") ? 2 : 1;
            if (!action.Is(j + 1, "TO") || j + 2 >= action.Count)
            {
                return false;
            }

            writer.Add(new SchemaChange(isConstraint ? ChangeKind.RenameConstraint : ChangeKind.RenameColumn, table, Name: action.Identifier(j), Text: action.Identifier(j + 2)));
            return true;
        }
    }
}
