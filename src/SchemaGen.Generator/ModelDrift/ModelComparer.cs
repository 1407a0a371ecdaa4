using System.Collections.Generic;
using System.Linq;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;
using SchemaGen.SqlParsing.Schema;

namespace SchemaGen.Generator.ModelDrift
{
    /// <summary>
    /// Compares the <c>[Table]</c> models with the schema the migrations build. Unknown is no opinion: a table the model cannot
    /// follow, a type or default text it does not know, or a missing table while statements it could not follow may have made it.
    /// A table counts as the models' when a model maps it, or when a frozen auto-schema created it from a model that is now gone.
    /// </summary>
    internal static class ModelComparer
    {
        private const string ModelMigrationId = "the model";

        public static EquatableArray<ModelDifference> Compare(SchemaSnapshot schema, EquatableArray<TableInfo> tables, EquatableArray<FrozenAutoSchema> frozen)
        {
            if (tables.Count == 0 && frozen.Count == 0)
            {
                return EquatableArray<ModelDifference>.Empty;
            }

            var relations = schema.Relations.ToDictionary(relation => relation.Name);
            var indexes = new HashSet<ObjectName>(schema.Indexes.Select(index => index.Name));
            var differences = new List<ModelDifference>();
            foreach (var table in tables)
            {
                var name = ObjectName.Of(table.Schema, table.Name);
                if (!relations.TryGetValue(name, out var relation))
                {
                    if (schema.Complete)
                    {
                        differences.Add(new ModelDifference(ModelDifferenceKind.MissingTable, table.FullyQualifiedTypeName, name, string.Empty, string.Empty, string.Empty));
                    }

                    continue;
                }

                if (!relation.Known || relation.Kind != 'r')
                {
                    continue;
                }

                CompareColumns(table, name, relation, ModelShape(table, name, schema), differences);
                foreach (var index in table.Indexes.Where(index => !indexes.Contains(new ObjectName(name.Schema, index.Name))))
                {
                    differences.Add(new ModelDifference(ModelDifferenceKind.MissingIndex, table.FullyQualifiedTypeName, name, index.Name, string.Empty, string.Empty));
                }
            }

            var mapped = new HashSet<ObjectName>(tables.Select(table => ObjectName.Of(table.Schema, table.Name)));
            foreach (var entry in frozen)
            {
                foreach (var gone in entry.Tables.Select(table => ObjectName.Of(table.Schema, table.Name)).Where(name => !mapped.Contains(name)))
                {
                    if (relations.TryGetValue(gone, out var relation) && relation.Known && relation.Kind == 'r' && relation.CreatedBy == entry.MigrationId)
                    {
                        mapped.Add(gone);
                        differences.Add(new ModelDifference(ModelDifferenceKind.ExtraTable, entry.MigrationId, gone, string.Empty, string.Empty, string.Empty));
                    }
                }
            }

            return EquatableArray.From(differences);
        }

        private static void CompareColumns(TableInfo table, ObjectName name, RelationShape relation, RelationShape model, List<ModelDifference> differences)
        {
            var owner = table.FullyQualifiedTypeName;
            foreach (var wanted in model.Columns)
            {
                var has = relation.Columns.FirstOrDefault(column => column.Name == wanted.Name);
                if (has is null)
                {
                    differences.Add(new ModelDifference(ModelDifferenceKind.MissingColumn, owner, name, wanted.Name, string.Empty, wanted.Type ?? string.Empty));
                    continue;
                }

                if (has.Type is not null && wanted.Type is not null && has.Type != wanted.Type)
                {
                    differences.Add(new ModelDifference(ModelDifferenceKind.ColumnType, owner, name, wanted.Name, has.Type, wanted.Type));
                }

                if (has.NotNull != wanted.NotNull && has.Identity.Length == 0 && wanted.Identity.Length == 0)
                {
                    differences.Add(new ModelDifference(ModelDifferenceKind.ColumnNullability, owner, name, wanted.Name, Nullability(has.NotNull), Nullability(wanted.NotNull)));
                }

                if (DefaultsDiffer(has, wanted))
                {
                    differences.Add(new ModelDifference(ModelDifferenceKind.ColumnDefault, owner, name, wanted.Name, DefaultOf(has), DefaultOf(wanted)));
                }
            }

            foreach (var extra in relation.Columns.Where(column => model.Columns.All(wanted => wanted.Name != column.Name)))
            {
                differences.Add(new ModelDifference(ModelDifferenceKind.ExtraColumn, owner, name, extra.Name, extra.Type ?? string.Empty, string.Empty));
            }
        }

        /// <summary>The model's table as the replay would build it, so types and defaults are normalized the same way.</summary>
        private static RelationShape ModelShape(TableInfo table, ObjectName name, SchemaSnapshot schema)
        {
            var scratch = new SchemaState();
            foreach (var type in schema.Types)
            {
                scratch.Types[type.Name] = type;
            }

            scratch.Schemas.Add(name.Schema);
            scratch.Apply(new SchemaChange(ChangeKind.CreateTable, name, Columns: EquatableArray.From(table.Columns.Select(AutoSchemaReplay.Column))), ModelMigrationId);
            return scratch.Find(name)!.Shape();
        }

        private static bool DefaultsDiffer(ColumnShape has, ColumnShape wanted)
        {
            if (has.Identity.Length > 0 || wanted.Identity.Length > 0)
            {
                return false;
            }

            if (has.HasDefault != wanted.HasDefault)
            {
                return true;
            }

            return has.Default is not null && wanted.Default is not null && has.Default != wanted.Default;
        }

        private static string Nullability(bool notNull) => notNull ? "NOT NULL" : "nullable";

        private static string DefaultOf(ColumnShape column)
            => !column.HasDefault ? "no default" : column.Default is { } text ? "DEFAULT " + text : "a default";
    }
}
