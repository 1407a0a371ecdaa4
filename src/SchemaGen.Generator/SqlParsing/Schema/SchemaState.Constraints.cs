using System.Linq;
using SchemaGen.Generator.Data;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>Constraints: named as PostgreSQL names them, with the index a primary key or unique constraint brings.</summary>
    internal sealed partial class SchemaState
    {
        private void AddConstraint(Relation table, ConstraintSpec spec)
        {
            var schema = table.Name.Schema;
            var columns = spec.Columns;
            if (spec.UsingIndex is { } indexName && Indexes.TryGetValue(new ObjectName(schema, indexName), out var usedIndex))
            {
                columns = usedIndex.Keys;
                Indexes.Remove(usedIndex.Name);
                var renamed = new ObjectName(schema, spec.Name ?? indexName);
                Indexes[renamed] = usedIndex with { Name = renamed, Unique = true };
                AddKey(table, spec.Kind, renamed.Name, columns, EquatableArray<string>.Empty, default);
                return;
            }

            if (spec.UsingIndex is not null)
            {
                table.ConstraintsExact = false;
                return;
            }

            switch (spec.Kind)
            {
                case 'p':
                case 'u':
                    var keyName = spec.Name ?? PostgresNames.Choose(
                        table.Name.Name,
                        spec.Kind == 'p' ? null : PostgresNames.Join(columns.ToList()),
                        spec.Kind == 'p' ? "pkey" : "key",
                        candidate => RelationNameTaken(schema, candidate) || ConstraintNameTaken(schema, candidate));
                    var index = new ObjectName(schema, keyName);
                    Indexes[index] = new IndexShape(index, table.Name, true, "btree", columns, false, EquatableArray<string>.Empty);
                    AddKey(table, spec.Kind, keyName, columns, EquatableArray<string>.Empty, default);
                    break;
                case 'f':
                    var referenced = spec.ReferencedColumns.Count > 0
                        ? spec.ReferencedColumns
                        : Find(spec.References)?.PrimaryKey?.Columns ?? EquatableArray<string>.Empty;
                    var foreignKeyName = spec.Name ?? PostgresNames.Choose(
                        table.Name.Name, PostgresNames.Join(columns.ToList()), "fkey", candidate => ConstraintNameTaken(schema, candidate));
                    AddKey(table, 'f', foreignKeyName, columns, referenced, spec.References);
                    break;
                case 'c':
                    var mentioned = spec.Mentions.Where(name => table.ColumnIndex(name) >= 0).ToList();
                    var checkName = spec.Name ?? PostgresNames.Choose(
                        table.Name.Name, mentioned.Count == 1 ? mentioned[0] : null, "check", candidate => ConstraintNameTaken(schema, candidate));
                    table.Constraints.Add(new ConstraintShape(checkName, 'c', EquatableArray<string>.Empty, default, EquatableArray<string>.Empty, spec.Mentions));
                    NoteConstraint(table, checkName);
                    break;
                default:
                    table.ConstraintsExact = false;
                    break;
            }
        }

        private void AddKey(Relation table, char kind, string name, EquatableArray<string> columns, EquatableArray<string> referenced, ObjectName references)
        {
            table.Constraints.Add(new ConstraintShape(name, kind, columns, references, referenced, EquatableArray<string>.Empty));
            NoteConstraint(table, name);
            if (kind != 'p')
            {
                return;
            }

            foreach (var column in columns)
            {
                var at = table.ColumnIndex(column);
                if (at >= 0)
                {
                    table.Columns[at] = table.Columns[at] with { NotNull = true };
                }
            }
        }

        private void DropConstraint(Relation table, string name)
        {
            var at = table.Constraints.FindIndex(constraint => constraint.Name == name);
            if (at < 0)
            {
                return;
            }

            var kind = table.Constraints[at].Kind;
            table.Constraints.RemoveAt(at);
            ForgetConstraintNames();
            if (kind == 'p' || kind == 'u' || kind == 'x')
            {
                Indexes.Remove(new ObjectName(table.Name.Schema, name));
            }
        }

        private void RenameConstraint(Relation table, string name, string newName)
        {
            var at = table.Constraints.FindIndex(constraint => constraint.Name == name);
            if (at < 0)
            {
                return;
            }

            table.Constraints[at] = table.Constraints[at] with { Name = newName };
            ForgetConstraintNames();
            var index = new ObjectName(table.Name.Schema, name);
            if (Indexes.TryGetValue(index, out var shape))
            {
                Indexes.Remove(index);
                Indexes[index.WithName(newName)] = shape with { Name = index.WithName(newName) };
            }
        }
    }
}
