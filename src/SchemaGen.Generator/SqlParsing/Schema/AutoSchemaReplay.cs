using System.Collections.Generic;
using System.Linq;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>
    /// What <c>AutoSchemaAsync</c> does when its migration runs, replayed on the model: each <c>[Table]</c> model missing from the
    /// schema is created (with its primary and foreign keys), an existing table gets the columns it lacks (and their foreign keys),
    /// and indexes are created by name when missing. A table the model does not know is left unknown.
    /// </summary>
    internal static class AutoSchemaReplay
    {
        public static void Apply(SchemaState state, EquatableArray<TableInfo> tables, string migrationId)
        {
            var created = new List<TableInfo>();
            foreach (var table in tables)
            {
                var name = ObjectName.Of(table.Schema, table.Name);
                if (table.Schema is { } schema)
                {
                    state.Apply(new SchemaChange(ChangeKind.CreateSchema, new ObjectName(schema, string.Empty)), migrationId);
                }

                if (state.Find(name) is not { } existing)
                {
                    created.Add(table);
                    var keys = new List<ConstraintSpec>();
                    if (table.PrimaryKey.Count > 0)
                    {
                        keys.Add(Constraint('p', table.PrimaryKey, default, EquatableArray<string>.Empty));
                    }

                    state.Apply(new SchemaChange(ChangeKind.CreateTable, name, Columns: EquatableArray.From(table.Columns.Select(Column)), Constraints: new EquatableArray<ConstraintSpec>(keys.ToArray())), migrationId);
                }
                else if (existing.Known && existing.Kind == 'r')
                {
                    foreach (var column in table.Columns.Where(column => existing.ColumnIndex(column.Name) < 0))
                    {
                        state.Apply(new SchemaChange(ChangeKind.AddColumn, name, Column: Column(column)), migrationId);
                        foreach (var foreignKey in table.ForeignKeys.Where(foreignKey => foreignKey.Columns.Contains(column.Name)))
                        {
                            state.Apply(new SchemaChange(ChangeKind.AddConstraint, name, Constraint: ForeignKey(foreignKey)), migrationId);
                        }
                    }
                }
            }

            foreach (var table in created)
            {
                foreach (var foreignKey in table.ForeignKeys)
                {
                    state.Apply(new SchemaChange(ChangeKind.AddConstraint, ObjectName.Of(table.Schema, table.Name), Constraint: ForeignKey(foreignKey)), migrationId);
                }
            }

            foreach (var table in tables)
            {
                var name = ObjectName.Of(table.Schema, table.Name);
                foreach (var index in table.Indexes)
                {
                    var spec = new IndexSpec(index.Name, name, index.IsUnique, index.Method ?? "btree", index.Columns, index.Columns, false, EquatableArray<string>.Empty, IfNotExists: true);
                    state.Apply(new SchemaChange(ChangeKind.CreateIndex, name, Index: spec), migrationId);
                }
            }
        }

        public static ColumnSpec Column(ColumnInfo column)
        {
            var type = TypeNames.Normalize(Lint.TokenRange.Of(column.StoreType), ObjectName.DefaultSchema);
            var serial = column.Generation == "Serial";
            var identity = column.Generation == "Identity" ? "d" : string.Empty;
            return new ColumnSpec(column.Name, type, !column.IsNullable || serial || identity.Length > 0, column.DefaultSql, identity, serial, Generated: false);
        }

        private static ConstraintSpec ForeignKey(ForeignKeyInfo foreignKey)
            => Constraint('f', foreignKey.Columns, ObjectName.Of(foreignKey.PrincipalSchema, foreignKey.PrincipalTable), foreignKey.PrincipalColumns);

        private static ConstraintSpec Constraint(char kind, EquatableArray<string> columns, ObjectName references, EquatableArray<string> referencedColumns)
            => new ConstraintSpec(null, kind, columns, references, referencedColumns, EquatableArray<string>.Empty, null);
    }
}
