using System.Collections.Generic;
using System.Linq;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;
using SchemaGen.SqlParsing.Lint;
using SchemaGen.SqlParsing.Schema;

namespace SchemaGen.Generator.ModelDrift
{
    /// <summary>
    /// Writes the SQL migration that closes the differences, in the forms the lint asks for: new tables whole; a column added
    /// nullable or with a constant default, NOT NULL reached by backfill, a validated check and SET NOT NULL as separate steps;
    /// foreign keys on existing tables NOT VALID then validated; indexes on existing tables built CONCURRENTLY (which makes the
    /// migration non-transactional). Drops, suspected renames and backfills it cannot know are commented drafts behind a
    /// <c>-- schemagen-draft:</c> line, which SG0010 flags until a person confirms them. The DDL text is <see cref="ModelDdl"/>'s.
    /// </summary>
    internal static class ModelMigrationWriter
    {
        public const string DraftMarker = "-- schemagen-draft:";

        /// <param name="differences">What differs.</param>
        /// <param name="tables">The models.</param>
        /// <param name="draftFiles">The migrations that still hold drafts: a draft one of them holds is not written again.</param>
        public static ModelMigrationDraft? Write(EquatableArray<ModelDifference> differences, EquatableArray<TableInfo> tables, EquatableArray<DraftFile> draftFiles)
        {
            if (differences.Count == 0)
            {
                return null;
            }

            var models = tables.ToDictionary(table => table.FullyQualifiedTypeName);
            var sql = new MigrationText(draftFiles);
            var renames = SuspectedRenames(differences);
            var created = differences.Where(d => d.Kind == ModelDifferenceKind.MissingTable).Select(d => models[d.Owner]).ToList();

            foreach (var schema in created.Select(table => table.Schema).Where(schema => schema is not null).Distinct())
            {
                sql.Statement($"CREATE SCHEMA IF NOT EXISTS {TypeNames.Quote(schema!)}");
            }

            foreach (var table in created)
            {
                sql.Statement(ModelDdl.CreateTable(table));
            }

            foreach (var difference in differences)
            {
                var model = models.TryGetValue(difference.Owner, out var found) ? found : null;
                switch (difference.Kind)
                {
                    case ModelDifferenceKind.MissingColumn when !renames.ContainsKey(difference):
                        AddColumn(sql, difference.Table, model!.Columns.First(column => column.Name == difference.Member));
                        break;
                    case ModelDifferenceKind.ColumnType:
                        var column = model!.Columns.First(c => c.Name == difference.Member);
                        sql.Comment($"{difference.Table}.{difference.Member}: {difference.InSchema} → {difference.InModel}. SG0306 says whether this rewrites the table.");
                        var conversion = ColumnTypeChanges.IsBinaryCompatible(difference.InSchema, difference.InModel) ? string.Empty : $" USING {TypeNames.Quote(column.Name)}::{column.StoreType}";
                        sql.Statement($"ALTER TABLE {ModelDdl.Table(difference.Table)} ALTER COLUMN {TypeNames.Quote(column.Name)} TYPE {column.StoreType}{conversion}");
                        break;
                    case ModelDifferenceKind.ColumnDefault:
                        var withDefault = model!.Columns.First(c => c.Name == difference.Member);
                        sql.Statement(withDefault.DefaultSql is { } expression
                            ? $"ALTER TABLE {ModelDdl.Table(difference.Table)} ALTER COLUMN {TypeNames.Quote(withDefault.Name)} SET DEFAULT {expression}"
                            : $"ALTER TABLE {ModelDdl.Table(difference.Table)} ALTER COLUMN {TypeNames.Quote(withDefault.Name)} DROP DEFAULT");
                        break;
                    case ModelDifferenceKind.ColumnNullability:
                        var nullability = model!.Columns.First(c => c.Name == difference.Member);
                        if (nullability.IsNullable)
                        {
                            sql.Statement($"ALTER TABLE {ModelDdl.Table(difference.Table)} ALTER COLUMN {TypeNames.Quote(nullability.Name)} DROP NOT NULL");
                        }
                        else
                        {
                            SetNotNull(sql, difference.Table, nullability);
                        }

                        break;
                }
            }

            foreach (var table in created)
            {
                foreach (var foreignKey in table.ForeignKeys)
                {
                    sql.Statement($"ALTER TABLE {ModelDdl.Table(ObjectName.Of(table.Schema, table.Name))} ADD {ModelDdl.ForeignKey(table.Name, foreignKey)}");
                }
            }

            foreach (var difference in differences.Where(d => d.Kind == ModelDifferenceKind.MissingColumn && !renames.ContainsKey(d)))
            {
                var model = models[difference.Owner];
                foreach (var foreignKey in model.ForeignKeys.Where(fk => fk.Columns.Contains(difference.Member)))
                {
                    var name = ModelDdl.ForeignKeyName(model.Name, foreignKey);
                    sql.Statement($"ALTER TABLE {ModelDdl.Table(difference.Table)} ADD {ModelDdl.ForeignKey(model.Name, foreignKey)} NOT VALID");
                    sql.Statement($"ALTER TABLE {ModelDdl.Table(difference.Table)} VALIDATE CONSTRAINT {TypeNames.Quote(name)}");
                    sql.NonTransactional = true;
                }
            }

            foreach (var table in created)
            {
                foreach (var index in table.Indexes)
                {
                    sql.Statement(ModelDdl.CreateIndex(index, ObjectName.Of(table.Schema, table.Name), concurrently: false));
                }
            }

            foreach (var difference in differences.Where(d => d.Kind == ModelDifferenceKind.MissingIndex))
            {
                sql.Statement(ModelDdl.CreateIndex(models[difference.Owner].Indexes.First(index => index.Name == difference.Member), difference.Table, concurrently: true));
                sql.NonTransactional = true;
            }

            foreach (var pair in renames)
            {
                sql.Draft(
                    new[] { pair.Key, pair.Value },
                    $"{pair.Value.Table}.{pair.Value.Member} is gone from the model and {pair.Key.Member} ({pair.Key.InModel}) is new: a rename? Keep one of the two:",
                    $"ALTER TABLE {ModelDdl.Table(pair.Key.Table)} RENAME COLUMN {TypeNames.Quote(pair.Value.Member)} TO {TypeNames.Quote(pair.Key.Member)};",
                    $"ALTER TABLE {ModelDdl.Table(pair.Key.Table)} ADD COLUMN {ModelDdl.Definition(models[pair.Key.Owner].Columns.First(c => c.Name == pair.Key.Member))}; ALTER TABLE {ModelDdl.Table(pair.Key.Table)} DROP COLUMN {TypeNames.Quote(pair.Value.Member)};");
            }

            foreach (var difference in differences.Where(d => d.Kind == ModelDifferenceKind.ExtraColumn && !renames.ContainsValue(d)))
            {
                sql.Draft(
                    new[] { difference },
                    $"the model no longer maps {difference.Table}.{difference.Member}. Drop it (its data is lost) once no running code reads it:",
                    $"ALTER TABLE {ModelDdl.Table(difference.Table)} DROP COLUMN {TypeNames.Quote(difference.Member)};");
            }

            foreach (var difference in differences.Where(d => d.Kind == ModelDifferenceKind.ExtraTable))
            {
                sql.Draft(
                    new[] { difference },
                    $"no model maps {difference.Table}, which {difference.Owner}'s auto-schema created. Drop it (its data is lost) once no running code uses it:",
                    $"DROP TABLE {ModelDdl.Table(difference.Table)};");
            }

            return new ModelMigrationDraft(NameFor(differences), sql.IsEmpty ? null : sql.ToText(Description(differences)), sql.Drafts, EquatableArray.From(sql.Pending));
        }

        private static void AddColumn(MigrationText sql, ObjectName table, ColumnInfo column)
        {
            var quoted = TypeNames.Quote(column.Name);
            var constantDefault = column.DefaultSql is { } expression && !ModelDdl.IsVolatile(expression);
            if (column.IsNullable || column.Generation != "None" || constantDefault)
            {
                sql.Statement($"ALTER TABLE {ModelDdl.Table(table)} ADD COLUMN IF NOT EXISTS {ModelDdl.Definition(column)}");
                return;
            }

            sql.Statement($"ALTER TABLE {ModelDdl.Table(table)} ADD COLUMN IF NOT EXISTS {quoted} {column.StoreType}");
            if (column.DefaultSql is { } volatileDefault)
            {
                sql.Statement($"ALTER TABLE {ModelDdl.Table(table)} ALTER COLUMN {quoted} SET DEFAULT {volatileDefault}");
            }

            SetNotNull(sql, table, column);
        }

        /// <summary>NOT NULL on a column that may hold NULLs: backfill (from the default, or a draft), a validated check, SET NOT NULL.</summary>
        private static void SetNotNull(MigrationText sql, ObjectName table, ColumnInfo column)
        {
            var quoted = TypeNames.Quote(column.Name);
            if (column.DefaultSql is { } expression)
            {
                sql.Statement($"UPDATE {ModelDdl.Table(table)} SET {quoted} = {expression} WHERE {quoted} IS NULL");
            }
            else
            {
                sql.Draft(
                    System.Array.Empty<ModelDifference>(),
                    $"{table}.{column.Name} becomes NOT NULL and has no default: give the rows that have none a value, then remove this line.",
                    $"UPDATE {ModelDdl.Table(table)} SET {quoted} = /* a value */ WHERE {quoted} IS NULL;");
            }

            var check = PostgresNames.Choose(table.Name, column.Name, "not_null", _ => false);
            sql.Statement($"ALTER TABLE {ModelDdl.Table(table)} ADD CONSTRAINT {TypeNames.Quote(check)} CHECK ({quoted} IS NOT NULL) NOT VALID");
            sql.Statement($"ALTER TABLE {ModelDdl.Table(table)} VALIDATE CONSTRAINT {TypeNames.Quote(check)}");
            sql.Comment("The validated check lets PostgreSQL 12+ set NOT NULL without scanning the table under lock.");
            sql.Statement($"/* schemagen-disable SG0307 */ ALTER TABLE {ModelDdl.Table(table)} ALTER COLUMN {quoted} SET NOT NULL");
            sql.Statement($"ALTER TABLE {ModelDdl.Table(table)} DROP CONSTRAINT {TypeNames.Quote(check)}");
            sql.NonTransactional = true;
        }

        /// <summary>A column the model adds and one it no longer maps, alone in their table and of one type: perhaps a rename.</summary>
        private static Dictionary<ModelDifference, ModelDifference> SuspectedRenames(EquatableArray<ModelDifference> differences)
        {
            var renames = new Dictionary<ModelDifference, ModelDifference>();
            foreach (var table in differences.GroupBy(d => d.Table))
            {
                var added = table.Where(d => d.Kind == ModelDifferenceKind.MissingColumn).ToList();
                var gone = table.Where(d => d.Kind == ModelDifferenceKind.ExtraColumn).ToList();
                if (added.Count == 1 && gone.Count == 1 && added[0].InModel == gone[0].InSchema)
                {
                    renames.Add(added[0], gone[0]);
                }
            }

            return renames;
        }

        /// <summary><c>create_orders</c>, <c>update_orders</c>, or <c>update_models</c> when several tables change.</summary>
        private static string NameFor(EquatableArray<ModelDifference> differences)
        {
            var tables = differences.Select(d => d.Table).Distinct().ToList();
            if (tables.Count > 1)
            {
                return "update_models";
            }

            var verb = differences.All(d => d.Kind == ModelDifferenceKind.MissingTable) ? "create_" : "update_";
            var name = new string((verb + tables[0].Name).Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());
            return name.Length <= 60 ? name : name.Substring(0, 60).TrimEnd('_');
        }

        private static string Description(EquatableArray<ModelDifference> differences)
        {
            var tables = differences.Select(d => d.Table.ToString()).Distinct().ToList();
            return "Bring " + string.Join(", ", tables) + " in line with the [Table] model" + (tables.Count > 1 ? "s" : string.Empty);
        }

    }
}
