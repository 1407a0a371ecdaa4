using System.Collections.Generic;
using System.Linq;
using SchemaGen.Generator.Data;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>Applies one change the way PostgreSQL would: names it chooses, what a drop or rename takes with it.</summary>
    internal sealed partial class SchemaState
    {
        public void Apply(SchemaChange change, string migrationId)
        {
            switch (change.Kind)
            {
                case ChangeKind.CreateTable:
                    CreateTable(change, migrationId);
                    break;
                case ChangeKind.CreateUnknownRelation:
                    if (!(change.Option && Relations.ContainsKey(change.Target)))
                    {
                        Relations[change.Target] = new Relation(change.Target, change.Kind2, migrationId, known: false);
                    }

                    break;
                case ChangeKind.CreateView:
                    CreateView(change, migrationId);
                    break;
                case ChangeKind.DropRelation:
                    DropRelation(change.Target, change.Kind2 == 'c', new HashSet<ObjectName>());
                    break;
                case ChangeKind.Rename:
                    Rename(change.Target, change.Target.WithName(change.Name!));
                    break;
                case ChangeKind.SetSchema:
                    Rename(change.Target, new ObjectName(change.Name!, change.Target.Name));
                    break;
                case ChangeKind.CreateIndex:
                    CreateIndex(change.Index!);
                    break;
                case ChangeKind.DropIndex:
                    Indexes.Remove(change.Target);
                    Sequences.Remove(change.Target);
                    break;
                case ChangeKind.CreateSequence:
                    if (!Sequences.ContainsKey(change.Target))
                    {
                        Sequences[change.Target] = new SequenceShape(change.Target, default, null);
                    }

                    break;
                case ChangeKind.CreateType:
                    Types[change.Target] = new TypeShape(change.Target, change.Kind2, change.Items, Known: true);
                    break;
                case ChangeKind.AddEnumValue:
                    AddEnumValue(change);
                    break;
                case ChangeKind.RenameEnumValue:
                    if (Types.TryGetValue(change.Target, out var renamed))
                    {
                        Types[change.Target] = renamed with { Values = EquatableArray.From(renamed.Values.Select(value => value == change.Name ? change.Text! : value)) };
                        var cast = "::" + TypeNames.UserType(change.Target);
                        ReplaceDefaults(change.Name + cast, change.Text + cast);
                    }

                    break;
                case ChangeKind.DropType:
                    DropType(change.Target, change.Kind2 == 'c');
                    break;
                case ChangeKind.RenameType:
                    RenameType(change.Target, change.Target.WithName(change.Name!));
                    break;
                case ChangeKind.CreateSchema:
                    Schemas.Add(change.Target.Schema);
                    break;
                case ChangeKind.DropSchema:
                    DropSchema(change.Target.Schema);
                    break;
                case ChangeKind.DefineFunction:
                    if (change.Option || change.Names.Count > 0 || change.Items.Count > 0)
                    {
                        DdlFunctions[change.Target.Name] = change;
                    }
                    else
                    {
                        DdlFunctions.Remove(change.Target.Name);
                    }

                    break;
                case ChangeKind.CallFunctions:
                    Call(change.Items, new HashSet<string>(System.StringComparer.Ordinal));
                    break;
                case ChangeKind.MayTouch:
                    MayTouch(change.Names, migrationId);
                    break;
                case ChangeKind.MayTouchAnything:
                    MayTouchAnything();
                    break;
                case ChangeKind.AddsUnnamedObjects:
                    Complete = false;
                    break;
                default:
                    ApplyToTable(change, migrationId);
                    break;
            }
        }

        /// <summary>Changes of one table's columns and constraints: on a table the model lacks, that table becomes one it does not know.</summary>
        private void ApplyToTable(SchemaChange change, string migrationId)
        {
            if (!Relations.TryGetValue(change.Target, out var table))
            {
                Relations[change.Target] = new Relation(change.Target, 'r', migrationId, known: false);
                return;
            }

            if (!table.Known)
            {
                return;
            }

            switch (change.Kind)
            {
                case ChangeKind.AddColumn:
                    if (table.ColumnIndex(change.Column!.Name) < 0)
                    {
                        AddColumn(table, change.Column);
                        foreach (var constraint in change.Constraints)
                        {
                            AddConstraint(table, constraint);
                        }
                    }

                    break;
                case ChangeKind.DropColumn:
                    DropColumn(table, change.Name!, change.Kind2 == 'c');
                    break;
                case ChangeKind.RenameColumn:
                    RenameColumn(table, change.Name!, change.Text!);
                    break;
                case ChangeKind.AddConstraint:
                    AddConstraint(table, change.Constraint!);
                    break;
                case ChangeKind.DropConstraint:
                    DropConstraint(table, change.Name!);
                    break;
                case ChangeKind.RenameConstraint:
                    RenameConstraint(table, change.Name!, change.Text!);
                    break;
                default:
                    ChangeColumn(table, change);
                    break;
            }
        }

        private void ChangeColumn(Relation table, SchemaChange change)
        {
            var at = table.ColumnIndex(change.Name!);
            if (at < 0)
            {
                return;
            }

            var column = table.Columns[at];
            switch (change.Kind)
            {
                case ChangeKind.SetType:
                    var keepsDefault = column.Default is null || column.Default.IndexOf("::", System.StringComparison.Ordinal) < 0;
                    column = column with { Type = change.Text, Default = keepsDefault ? column.Default : null };
                    break;
                case ChangeKind.SetNotNull:
                    column = column with { NotNull = true };
                    break;
                case ChangeKind.DropNotNull:
                    column = column with { NotNull = false };
                    break;
                case ChangeKind.SetDefault:
                    column = DefaultExpressions.IsNull(change.Text!)
                        ? column with { Default = null, HasDefault = false }
                        : column with { Default = DefaultExpressions.Normalize(change.Text!, column.Type, IsEnum), HasDefault = true };
                    break;
                case ChangeKind.DropDefault:
                    column = column with { Default = null, HasDefault = false };
                    break;
                case ChangeKind.AddIdentity:
                    column = column with { Identity = change.Text!, NotNull = true };
                    AddOwnedSequence(table, column.Name);
                    break;
                case ChangeKind.DropIdentity:
                    column = column with { Identity = string.Empty };
                    RemoveOwnedSequences(table.Name, column.Name);
                    break;
            }

            table.Columns[at] = column;
        }

        private void CreateTable(SchemaChange change, string migrationId)
        {
            if (Relations.ContainsKey(change.Target))
            {
                return;
            }

            var table = new Relation(change.Target, 'r', migrationId);
            Relations[change.Target] = table;
            foreach (var column in change.Columns)
            {
                AddColumn(table, column);
            }

            foreach (var constraint in change.Constraints)
            {
                AddConstraint(table, constraint);
            }
        }

        private void AddColumn(Relation table, ColumnSpec spec)
        {
            string? defaultText = null;
            var hasDefault = spec.Generated;
            if (spec.Serial)
            {
                var sequence = AddOwnedSequence(table, spec.Name);
                defaultText = NextValue(sequence);
                hasDefault = true;
            }
            else if (spec.Identity.Length > 0)
            {
                AddOwnedSequence(table, spec.Name);
            }
            else if (spec.DefaultSql is { } sql && !spec.Generated && !DefaultExpressions.IsNull(sql))
            {
                defaultText = DefaultExpressions.Normalize(sql, spec.Type, IsEnum);
                hasDefault = true;
            }

            table.Columns.Add(new ColumnShape(spec.Name, spec.Type, spec.NotNull, defaultText, hasDefault, spec.Identity));
        }

        /// <summary>A default that names an object by its OID (an enum value, a sequence) shows that object's new name.</summary>
        private void ReplaceDefaults(string from, string to)
        {
            foreach (var table in Relations.Values)
            {
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    if (table.Columns[i].Default == from)
                    {
                        table.Columns[i] = table.Columns[i] with { Default = to };
                    }
                }
            }
        }

        private static string NextValue(ObjectName sequence) => "nextval('" + TypeNames.UserType(sequence).Replace("'", "''") + "'::regclass)";

        private ObjectName AddOwnedSequence(Relation table, string column)
        {
            var schema = table.Name.Schema;
            var name = new ObjectName(schema, PostgresNames.Choose(table.Name.Name, column, "seq", candidate => RelationNameTaken(schema, candidate)));
            Sequences[name] = new SequenceShape(name, table.Name, column);
            return name;
        }

        private void RemoveOwnedSequences(ObjectName table, string? column)
        {
            foreach (var sequence in Sequences.Values.Where(s => s.OwnerTable == table && (column is null || s.OwnerColumn == column)).ToList())
            {
                Sequences.Remove(sequence.Name);
            }
        }

        private void CreateView(SchemaChange change, string migrationId)
        {
            if (Relations.TryGetValue(change.Target, out var existing) && !(change.Option && existing.Kind == change.Kind2))
            {
                return;
            }

            var view = existing ?? new Relation(change.Target, change.Kind2, migrationId);
            view.DependsOn.Clear();
            view.DependsOn.AddRange(change.Names.Where(name => name != change.Target && Relations.ContainsKey(name)));
            Relations[change.Target] = view;
        }

        private void CreateIndex(IndexSpec spec)
        {
            if (!Relations.TryGetValue(spec.Table, out var table))
            {
                Relations[spec.Table] = new Relation(spec.Table, 'r', string.Empty, known: false);
                return;
            }

            var schema = spec.Table.Schema;
            string name;
            if (spec.Name is not null)
            {
                name = spec.Name;
            }
            else if (spec.NameParts.Contains(IndexStatements.UnknownNamePart))
            {
                table.ConstraintsExact = false;
                return;
            }
            else
            {
                name = PostgresNames.Choose(spec.Table.Name, PostgresNames.Join(spec.NameParts.ToList()), "idx", candidate => RelationNameTaken(schema, candidate));
            }

            var key = new ObjectName(schema, name);
            if (!RelationNameTaken(schema, name))
            {
                Indexes[key] = new IndexShape(key, spec.Table, spec.Unique, spec.Method, spec.Keys, spec.Partial, spec.Mentions);
            }
        }

        private void AddEnumValue(SchemaChange change)
        {
            if (!Types.TryGetValue(change.Target, out var type) || !type.Known)
            {
                return;
            }

            var values = type.Values.ToList();
            if (values.Contains(change.Text!))
            {
                return;
            }

            var at = change.Name is null ? -1 : values.IndexOf(change.Name);
            values.Insert(at < 0 ? values.Count : change.Kind2 == 'B' ? at : at + 1, change.Text!);
            Types[change.Target] = type with { Values = new EquatableArray<string>(values.ToArray()) };
        }

        private void Call(EquatableArray<string> names, HashSet<string> visited)
        {
            foreach (var name in names)
            {
                if (!visited.Add(name) || !DdlFunctions.TryGetValue(name, out var function))
                {
                    continue;
                }

                if (function.Option)
                {
                    MayTouchAnything();
                }
                else
                {
                    MayTouch(function.Names, string.Empty);
                }

                Call(function.Items, visited);
            }
        }

        private void MayTouch(EquatableArray<ObjectName> names, string migrationId)
        {
            foreach (var name in names)
            {
                if (Relations.TryGetValue(name, out var relation))
                {
                    relation.Known = false;
                }
                else if (Indexes.TryGetValue(name, out var index) && Relations.TryGetValue(index.Table, out var indexed))
                {
                    indexed.Known = false;
                }
                else if (Types.TryGetValue(name, out var type))
                {
                    Types[name] = type with { Known = false };
                }
                else if (!Sequences.ContainsKey(name))
                {
                    Relations[name] = new Relation(name, '?', migrationId, known: false);
                    Types[name] = new TypeShape(name, '?', EquatableArray<string>.Empty, Known: false);
                }
            }
        }

        private void MayTouchAnything()
        {
            Complete = false;
            foreach (var relation in Relations.Values)
            {
                relation.Known = false;
            }

            foreach (var type in Types.Values.ToList())
            {
                Types[type.Name] = type with { Known = false };
            }
        }
    }
}
