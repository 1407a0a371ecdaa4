using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Diagnostics;

namespace SchemaGen.Generator.Sort
{
    /// <summary>
    /// Pairs each <c>.down.sql</c> file with the SQL migration of its number and name. A down with no such migration, one whose
    /// migration is a C# class (which writes its down as <c>DownAsync</c>), or a second down for one migration, is SG0009.
    /// </summary>
    internal static class DownPairing
    {
        /// <summary>The SQL migrations, each with its down when it has exactly the first one found by file path.</summary>
        public static IEnumerable<MigrationInfo> Attach(ImmutableArray<MigrationInfo> sqlMigrations, ImmutableArray<SqlDownInfo> downs)
        {
            var paired = Pair(sqlMigrations, ImmutableArray<MigrationInfo>.Empty, downs, diagnostics: null);
            foreach (var migration in sqlMigrations)
            {
                yield return paired.TryGetValue(Key(migration.Number, migration.Name), out var down)
                    ? migration with { Reversible = true, DownSql = down.Sql, DownTransactional = down.Transactional }
                    : migration;
            }
        }

        public static EquatableArray<DiagnosticInfo> Problems(ImmutableArray<MigrationInfo> classes, ImmutableArray<MigrationInfo> sqlMigrations, ImmutableArray<SqlDownInfo> downs)
        {
            var diagnostics = new List<DiagnosticInfo>();
            Pair(sqlMigrations, classes, downs, diagnostics);
            return new EquatableArray<DiagnosticInfo>(diagnostics.ToArray());
        }

        private static Dictionary<string, SqlDownInfo> Pair(
            ImmutableArray<MigrationInfo> sqlMigrations, ImmutableArray<MigrationInfo> classes, ImmutableArray<SqlDownInfo> downs, List<DiagnosticInfo>? diagnostics)
        {
            var ups = new Dictionary<string, MigrationInfo>();
            foreach (var migration in sqlMigrations)
            {
                ups[Key(migration.Number, migration.Name)] = migration;
            }

            var sorted = new List<SqlDownInfo>(downs);
            sorted.Sort((left, right) => string.CompareOrdinal(left.Location.FilePath, right.Location.FilePath));
            var paired = new Dictionary<string, SqlDownInfo>();
            foreach (var down in sorted)
            {
                var key = Key(down.Number, down.Name);
                string? problem = null;
                if (paired.TryGetValue(key, out var first))
                {
                    problem = $"'{first.FileName}' is already the down of migration {Format(down.Number)}; keep one";
                }
                else if (ups.ContainsKey(key))
                {
                    paired.Add(key, down);
                }
                else
                {
                    problem = ClassNamed(classes, down) is { } type
                        ? $"migration {Format(down.Number)} '{down.Name}' is the C# class '{type.ClassName}': write its down as a DownAsync override instead, and delete this file"
                        : $"no SQL migration is numbered {Format(down.Number)} and named '{down.Name}': name it after the file of the migration it undoes, as 0003_add_orders.down.sql beside 0003_add_orders.sql";
                }

                if (problem is not null)
                {
                    diagnostics?.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DownWithoutMigration.Id, down.Location, down.FileName, problem));
                }
            }

            return paired;
        }

        private static MigrationInfo? ClassNamed(ImmutableArray<MigrationInfo> classes, SqlDownInfo down)
        {
            foreach (var type in classes)
            {
                if (type.Number == down.Number && type.Name == down.Name)
                {
                    return type;
                }
            }

            return null;
        }

        private static string Key(int number, string name) => Format(number) + ":" + name;

        private static string Format(int number) => number.ToString(CultureInfo.InvariantCulture);
    }
}
