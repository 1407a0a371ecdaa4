using System.Collections.Generic;
using System.Linq;
using System.Text;
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
    /// <c>-- schemagen-draft:</c> line, which SG0010 flags until a person confirms them.
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
            var sql = new Sql(draftFiles);
            var renames = SuspectedRenames(differences);
            var created = differences.Where(d => d.Kind == ModelDifferenceKind.MissingTable).Select(d => models[d.Owner]).ToList();

            foreach (var schema in created.Select(table => table.Schema).Where(schema => schema is not null).Distinct())
            {
                sql.Statement($"CREATE SCHEMA IF NOT EXISTS {TypeNames.Quote(schema!)}");
            }

            foreach (var table in created)
            {
                CreateTable(sql, table);
            }

            foreach (var difference in differences)
            {
                var model = models.TryGetValue(difference.Owner, out var found) ? found : null;
                switch (difference.Kind)
                {
                    case ModelDifferenceKind.MissingColumn when !renames.ContainsKey(difference):
                        AddColumn(sql, difference.Table, model!.Columns.First(column => column.Name == difference.Member), model);
                        break;
                    case ModelDifferenceKind.ColumnType:
                        var column = model!.Columns.First(c => c.Name == difference.Member);
                        sql.Comment($"{difference.Table}.{difference.Member}: {difference.InSchema} → {difference.InModel}. SG0306 says whether this rewrites the table.");
                        var conversion = ColumnTypeChanges.IsBinaryCompatible(difference.InSchema, difference.InModel) ? string.Empty : $" USING {TypeNames.Quote(column.Name)}::{column.StoreType}";
                        sql.Statement($"ALTER TABLE {Table(difference.Table)} ALTER COLUMN {TypeNames.Quote(column.Name)} TYPE {column.StoreType}{conversion}");
                        break;
                    case ModelDifferenceKind.ColumnDefault:
                        var withDefault = model!.Columns.First(c => c.Name == difference.Member);
                        sql.Statement(withDefault.DefaultSql is { } expression
                            ? $"ALTER TABLE {Table(difference.Table)} ALTER COLUMN {TypeNames.Quote(withDefault.Name)} SET DEFAULT {expression}"
                            : $"ALTER TABLE {Table(difference.Table)} ALTER COLUMN {TypeNames.Quote(withDefault.Name)} DROP DEFAULT");
                        break;
                    case ModelDifferenceKind.ColumnNullability:
                        var nullability = model!.Columns.First(c => c.Name == difference.Member);
                        if (nullability.IsNullable)
                        {
                            sql.Statement($"ALTER TABLE {Table(difference.Table)} ALTER COLUMN {TypeNames.Quote(nullability.Name)} DROP NOT NULL");
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
                    sql.Statement($"ALTER TABLE {Table(ModelComparer.NameOf(table.Schema, table.Name))} ADD {ForeignKey(table.Name, foreignKey)}");
                }
            }

            foreach (var difference in differences.Where(d => d.Kind == ModelDifferenceKind.MissingColumn && !renames.ContainsKey(d)))
            {
                var model = models[difference.Owner];
                foreach (var foreignKey in model.ForeignKeys.Where(fk => fk.Columns.Contains(difference.Member)))
                {
                    var name = ForeignKeyName(model.Name, foreignKey);
                    sql.Statement($"ALTER TABLE {Table(difference.Table)} ADD {ForeignKey(model.Name, foreignKey)} NOT VALID");
                    sql.Statement($"ALTER TABLE {Table(difference.Table)} VALIDATE CONSTRAINT {TypeNames.Quote(name)}");
                    sql.NonTransactional = true;
                }
            }

            foreach (var table in created)
            {
                foreach (var index in table.Indexes)
                {
                    sql.Statement(CreateIndex(index, ModelComparer.NameOf(table.Schema, table.Name), concurrently: false));
                }
            }

            foreach (var difference in differences.Where(d => d.Kind == ModelDifferenceKind.MissingIndex))
            {
                sql.Statement(CreateIndex(models[difference.Owner].Indexes.First(index => index.Name == difference.Member), difference.Table, concurrently: true));
                sql.NonTransactional = true;
            }

            foreach (var pair in renames)
            {
                sql.Draft(
                    new[] { pair.Key, pair.Value },
                    $"{pair.Value.Table}.{pair.Value.Member} is gone from the model and {pair.Key.Member} ({pair.Key.InModel}) is new: a rename? Keep one of the two:",
                    $"ALTER TABLE {Table(pair.Key.Table)} RENAME COLUMN {TypeNames.Quote(pair.Value.Member)} TO {TypeNames.Quote(pair.Key.Member)};",
                    $"ALTER TABLE {Table(pair.Key.Table)} ADD COLUMN {Definition(models[pair.Key.Owner].Columns.First(c => c.Name == pair.Key.Member))}; ALTER TABLE {Table(pair.Key.Table)} DROP COLUMN {TypeNames.Quote(pair.Value.Member)};");
            }

            foreach (var difference in differences.Where(d => d.Kind == ModelDifferenceKind.ExtraColumn && !renames.ContainsValue(d)))
            {
                sql.Draft(
                    new[] { difference },
                    $"the model no longer maps {difference.Table}.{difference.Member}. Drop it (its data is lost) once no running code reads it:",
                    $"ALTER TABLE {Table(difference.Table)} DROP COLUMN {TypeNames.Quote(difference.Member)};");
            }

            foreach (var difference in differences.Where(d => d.Kind == ModelDifferenceKind.ExtraTable))
            {
                sql.Draft(
                    new[] { difference },
                    $"no model maps {difference.Table}, which {difference.Owner}'s auto-schema created. Drop it (its data is lost) once no running code uses it:",
                    $"DROP TABLE {Table(difference.Table)};");
            }

            return new ModelMigrationDraft(NameFor(differences), sql.IsEmpty ? null : sql.ToText(Description(differences)), sql.Drafts, EquatableArray.From(sql.Pending));
        }

        private static void CreateTable(Sql sql, TableInfo table)
        {
            var lines = table.Columns.Select(Definition).ToList();
            if (table.PrimaryKey.Count > 0)
            {
                lines.Add($"PRIMARY KEY ({Columns(table.PrimaryKey)})");
            }

            sql.Statement($"CREATE TABLE IF NOT EXISTS {Table(ModelComparer.NameOf(table.Schema, table.Name))} (\n    {string.Join(",\n    ", lines)}\n)");
        }

        private static void AddColumn(Sql sql, ObjectName table, ColumnInfo column, TableInfo model)
        {
            var quoted = TypeNames.Quote(column.Name);
            var constantDefault = column.DefaultSql is { } expression && !IsVolatile(expression);
            if (column.IsNullable || column.Generation != "None" || constantDefault)
            {
                sql.Statement($"ALTER TABLE {Table(table)} ADD COLUMN IF NOT EXISTS {Definition(column)}");
                return;
            }

            sql.Statement($"ALTER TABLE {Table(table)} ADD COLUMN IF NOT EXISTS {quoted} {column.StoreType}");
            if (column.DefaultSql is { } volatileDefault)
            {
                sql.Statement($"ALTER TABLE {Table(table)} ALTER COLUMN {quoted} SET DEFAULT {volatileDefault}");
            }

            SetNotNull(sql, table, column);
        }

        /// <summary>NOT NULL on a column that may hold NULLs: backfill (from the default, or a draft), a validated check, SET NOT NULL.</summary>
        private static void SetNotNull(Sql sql, ObjectName table, ColumnInfo column)
        {
            var quoted = TypeNames.Quote(column.Name);
            if (column.DefaultSql is { } expression)
            {
                sql.Statement($"UPDATE {Table(table)} SET {quoted} = {expression} WHERE {quoted} IS NULL");
            }
            else
            {
                sql.Draft(
                    System.Array.Empty<ModelDifference>(),
                    $"{table}.{column.Name} becomes NOT NULL and has no default: give the rows that have none a value, then remove this line.",
                    $"UPDATE {Table(table)} SET {quoted} = /* a value */ WHERE {quoted} IS NULL;");
            }

            var check = PostgresNames.Choose(table.Name, column.Name, "not_null", _ => false);
            sql.Statement($"ALTER TABLE {Table(table)} ADD CONSTRAINT {TypeNames.Quote(check)} CHECK ({quoted} IS NOT NULL) NOT VALID");
            sql.Statement($"ALTER TABLE {Table(table)} VALIDATE CONSTRAINT {TypeNames.Quote(check)}");
            sql.Comment("The validated check lets PostgreSQL 12+ set NOT NULL without scanning the table under lock.");
            sql.Statement($"/* schemagen-disable SG0307 */ ALTER TABLE {Table(table)} ALTER COLUMN {quoted} SET NOT NULL");
            sql.Statement($"ALTER TABLE {Table(table)} DROP CONSTRAINT {TypeNames.Quote(check)}");
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

        private static string Definition(ColumnInfo column)
        {
            var definition = new StringBuilder(TypeNames.Quote(column.Name)).Append(' ');
            definition.Append(column.Generation switch
            {
                "Serial" => column.StoreType switch { "bigint" => "bigserial", "smallint" => "smallserial", _ => "serial" },
                "Identity" => column.StoreType + " GENERATED BY DEFAULT AS IDENTITY",
                _ => column.StoreType,
            });
            if (!column.IsNullable && column.Generation == "None")
            {
                definition.Append(" NOT NULL");
            }

            if (column.DefaultSql is { } expression)
            {
                definition.Append(" DEFAULT ").Append(expression);
            }

            return definition.ToString();
        }

        private static string ForeignKey(string table, ForeignKeyInfo foreignKey)
            => $"CONSTRAINT {TypeNames.Quote(ForeignKeyName(table, foreignKey))} FOREIGN KEY ({Columns(foreignKey.Columns)}) " +
               $"REFERENCES {Table(ModelComparer.NameOf(foreignKey.PrincipalSchema, foreignKey.PrincipalTable))} ({Columns(foreignKey.PrincipalColumns)})";

        private static string ForeignKeyName(string table, ForeignKeyInfo foreignKey)
            => PostgresNames.Choose(table, PostgresNames.Join(foreignKey.Columns.ToList()), "fkey", _ => false);

        private static string CreateIndex(IndexInfo index, ObjectName table, bool concurrently)
            => $"CREATE {(index.IsUnique ? "UNIQUE " : string.Empty)}INDEX {(concurrently ? "CONCURRENTLY " : string.Empty)}IF NOT EXISTS {TypeNames.Quote(index.Name)} " +
               $"ON {Table(table)}{(index.Method is { } method ? " USING " + TypeNames.Quote(method) : string.Empty)} ({Columns(index.Columns)})";

        private static bool IsVolatile(string expression)
        {
            var tokens = TokenRange.Of(expression);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (AlterTableRules.IsVolatileFunction(tokens.Text(i)))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Table(ObjectName name) => TypeNames.UserType(name);

        private static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(TypeNames.Quote));

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

        /// <summary>The statements and drafts as they are written, and whether the migration must run outside a transaction.</summary>
        private sealed class Sql
        {
            private readonly StringBuilder _body = new StringBuilder();
            private readonly EquatableArray<DraftFile> _draftFiles;

            public Sql(EquatableArray<DraftFile> draftFiles) => _draftFiles = draftFiles;

            public bool NonTransactional { get; set; }

            public int Drafts { get; private set; }

            public List<PendingDraft> Pending { get; } = new List<PendingDraft>();

            public bool IsEmpty => _body.Length == 0;

            public void Statement(string statement) => _body.Append(statement).Append(";\n");

            public void Comment(string text) => _body.Append("-- ").Append(text).Append('\n');

            /// <summary>A commented draft for a person to confirm; not written again when a migration already holds it.</summary>
            public void Draft(IReadOnlyList<ModelDifference> covers, string why, params string[] statements)
            {
                var lines = statements.Select(statement => "-- " + statement).ToList();
                var holder = covers.Count == 0 ? null : _draftFiles.FirstOrDefault(file => lines.All(line => file.Text.Contains(line)));
                if (holder is not null)
                {
                    Pending.AddRange(covers.Select(difference => new PendingDraft(difference, holder.File)));
                    return;
                }

                Drafts++;
                _body.Append('\n').Append(DraftMarker).Append(' ').Append(why).Append('\n');
                foreach (var line in lines)
                {
                    _body.Append(line).Append('\n');
                }
            }

            public string ToText(string description)
            {
                var header = new StringBuilder("-- description: ").Append(description).Append('\n');
                if (NonTransactional)
                {
                    header.Append("-- transactional: false\n");
                }

                header.Append("-- Written by SchemaGen from the [Table] models (SG0208's fix). Review it before it is released.\n");
                if (NonTransactional)
                {
                    header.Append("-- Not transactional: CONCURRENTLY and VALIDATE must not hold their locks in one transaction. If a step fails, the ones before it stay applied.\n");
                }

                return header.Append('\n').Append(_body).ToString();
            }
        }
    }
}
