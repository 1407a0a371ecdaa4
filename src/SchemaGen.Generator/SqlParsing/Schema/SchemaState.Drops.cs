using System.Collections.Generic;
using System.Linq;
using SchemaGen.Generator.Data;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>Drops and renames, and what they take with them: indexes, owned sequences, referencing keys, dependent views.</summary>
    internal sealed partial class SchemaState
    {
        private void DropRelation(ObjectName name, bool cascade, HashSet<ObjectName> dropping)
        {
            if (!Relations.TryGetValue(name, out var relation))
            {
                Sequences.Remove(name);
                Indexes.Remove(name);
                return;
            }

            dropping.Add(name);
            Relations.Remove(name);
            ForgetConstraintNames();
            foreach (var index in Indexes.Values.Where(index => index.Table == name).ToList())
            {
                Indexes.Remove(index.Name);
            }

            RemoveOwnedSequences(name, null);
            foreach (var other in Relations.Values.ToList())
            {
                other.Constraints.RemoveAll(constraint => constraint.Kind == 'f' && constraint.References == name);
                if (cascade && other.DependsOn.Contains(name) && !dropping.Contains(other.Name))
                {
                    DropRelation(other.Name, cascade, dropping);
                }
            }
        }

        /// <summary>A relation, index or sequence renamed or moved to another schema.</summary>
        private void Rename(ObjectName from, ObjectName to)
        {
            ForgetConstraintNames();
            if (Relations.TryGetValue(from, out var relation))
            {
                Relations.Remove(from);
                relation.Name = to;
                Relations[to] = relation;
                foreach (var index in Indexes.Values.Where(index => index.Table == from).ToList())
                {
                    Indexes.Remove(index.Name);
                    var moved = new ObjectName(to.Schema, index.Name.Name);
                    Indexes[moved] = index with { Name = moved, Table = to };
                }

                foreach (var sequence in Sequences.Values.Where(sequence => sequence.OwnerTable == from).ToList())
                {
                    Sequences.Remove(sequence.Name);
                    var moved = new ObjectName(to.Schema, sequence.Name.Name);
                    Sequences[moved] = sequence with { Name = moved, OwnerTable = to };
                    ReplaceDefaults(NextValue(sequence.Name), NextValue(moved));
                }

                foreach (var other in Relations.Values)
                {
                    for (var i = 0; i < other.Constraints.Count; i++)
                    {
                        if (other.Constraints[i].References == from)
                        {
                            other.Constraints[i] = other.Constraints[i] with { References = to };
                        }
                    }

                    var dependency = other.DependsOn.IndexOf(from);
                    if (dependency >= 0)
                    {
                        other.DependsOn[dependency] = to;
                    }
                }
            }
            else if (Indexes.TryGetValue(from, out var index))
            {
                Indexes.Remove(from);
                Indexes[to] = index with { Name = to };
                if (Relations.TryGetValue(index.Table, out var table))
                {
                    var at = table.Constraints.FindIndex(constraint => constraint.Name == from.Name && constraint.Kind is 'p' or 'u' or 'x');
                    if (at >= 0)
                    {
                        table.Constraints[at] = table.Constraints[at] with { Name = to.Name };
                    }
                }
            }
            else if (Sequences.TryGetValue(from, out var sequence))
            {
                Sequences.Remove(from);
                Sequences[to] = sequence with { Name = to };
                ReplaceDefaults(NextValue(from), NextValue(to));
            }
        }

        private void DropColumn(Relation table, string column, bool cascade)
        {
            var at = table.ColumnIndex(column);
            if (at < 0)
            {
                return;
            }

            table.Columns.RemoveAt(at);
            foreach (var index in Indexes.Values.Where(index => index.Table == table.Name && (index.Keys.Contains(column) || index.Mentions.Contains(column))).ToList())
            {
                Indexes.Remove(index.Name);
            }

            table.Constraints.RemoveAll(constraint => constraint.Columns.Contains(column) || constraint.Mentions.Contains(column));
            ForgetConstraintNames();
            RemoveOwnedSequences(table.Name, column);
            foreach (var other in Relations.Values)
            {
                other.Constraints.RemoveAll(constraint => constraint.Kind == 'f' && constraint.References == table.Name && constraint.ReferencedColumns.Contains(column));
                if (cascade && other.DependsOn.Contains(table.Name))
                {
                    other.Known = false;
                }
            }
        }

        private void RenameColumn(Relation table, string column, string newName)
        {
            var at = table.ColumnIndex(column);
            if (at < 0)
            {
                return;
            }

            table.Columns[at] = table.Columns[at] with { Name = newName };
            foreach (var index in Indexes.Values.Where(index => index.Table == table.Name).ToList())
            {
                Indexes[index.Name] = index with { Keys = Renamed(index.Keys, column, newName), Mentions = Renamed(index.Mentions, column, newName) };
            }

            for (var i = 0; i < table.Constraints.Count; i++)
            {
                var constraint = table.Constraints[i];
                table.Constraints[i] = constraint with { Columns = Renamed(constraint.Columns, column, newName), Mentions = Renamed(constraint.Mentions, column, newName) };
            }

            foreach (var other in Relations.Values)
            {
                for (var i = 0; i < other.Constraints.Count; i++)
                {
                    if (other.Constraints[i].References == table.Name)
                    {
                        other.Constraints[i] = other.Constraints[i] with { ReferencedColumns = Renamed(other.Constraints[i].ReferencedColumns, column, newName) };
                    }
                }
            }

            foreach (var sequence in Sequences.Values.Where(sequence => sequence.OwnerTable == table.Name && sequence.OwnerColumn == column).ToList())
            {
                Sequences[sequence.Name] = sequence with { OwnerColumn = newName };
            }
        }

        private static EquatableArray<string> Renamed(EquatableArray<string> names, string from, string to)
            => names.Contains(from) ? EquatableArray.From(names.Select(name => name == from ? to : name)) : names;

        private void DropType(ObjectName name, bool cascade)
        {
            Types.Remove(name);
            if (!cascade)
            {
                return;
            }

            var formatted = TypeNames.UserType(name);
            foreach (var table in Relations.Values)
            {
                foreach (var column in table.Columns.Where(column => column.Type == formatted || column.Type == formatted + "[]").ToList())
                {
                    DropColumn(table, column.Name, cascade: true);
                }
            }
        }

        /// <summary>A renamed type renames itself in every column of it, and in every default cast to it.</summary>
        private void RenameType(ObjectName from, ObjectName to)
        {
            if (!Types.TryGetValue(from, out var type))
            {
                return;
            }

            Types.Remove(from);
            Types[to] = type with { Name = to };
            var old = TypeNames.UserType(from);
            var replacement = TypeNames.UserType(to);
            foreach (var table in Relations.Values)
            {
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var column = table.Columns[i];
                    var renamedType = column.Type == old ? replacement : column.Type == old + "[]" ? replacement + "[]" : column.Type;
                    var renamedDefault = column.Default is { } text && text.EndsWith("::" + old, System.StringComparison.Ordinal)
                        ? text.Substring(0, text.Length - old.Length) + replacement
                        : column.Default;
                    table.Columns[i] = column with { Type = renamedType, Default = renamedDefault };
                }
            }
        }

        private void DropSchema(string schema)
        {
            Schemas.Remove(schema);
            foreach (var relation in Relations.Keys.Where(name => name.Schema == schema).ToList())
            {
                DropRelation(relation, cascade: true, new HashSet<ObjectName>());
            }

            foreach (var name in Sequences.Keys.Where(name => name.Schema == schema).ToList())
            {
                Sequences.Remove(name);
            }

            foreach (var name in Types.Keys.Where(name => name.Schema == schema).ToList())
            {
                Types.Remove(name);
            }
        }
    }
}
