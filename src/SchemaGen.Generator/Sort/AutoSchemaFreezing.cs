using System.Collections.Generic;
using System.Linq;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;
using SchemaGen.SqlParsing.Schema;

namespace SchemaGen.Generator.Sort
{
    /// <summary>
    /// Which <c>[Table]</c> models each migration's <c>AutoSchemaAsync</c> works from: the ones frozen in the lock file when the
    /// migration was recorded, else this build's.
    /// </summary>
    internal static class AutoSchemaFreezing
    {
        public static EquatableArray<TableInfo> ModelsFor(string migrationId, EquatableArray<TableInfo> current, EquatableArray<FrozenAutoSchema> frozen)
        {
            foreach (var entry in frozen)
            {
                if (entry.MigrationId == migrationId)
                {
                    return entry.Tables;
                }
            }

            return current;
        }

        /// <summary>What recording writes with each migration that calls <c>AutoSchemaAsync</c>: its frozen models, kept, or this build's.</summary>
        public static IReadOnlyDictionary<int, EquatableArray<TableInfo>> ForRecording(
            EquatableArray<MigrationInfo> migrations, EquatableArray<TableInfo> current, EquatableArray<FrozenAutoSchema> frozen)
        {
            var recorded = new Dictionary<int, EquatableArray<TableInfo>>();
            foreach (var migration in migrations)
            {
                if (!migration.Repeatable && CallsAutoSchema(migration.Effect))
                {
                    recorded[migration.Number] = ModelsFor(MigrationId.Format(migration.Number, migration.Name), current, frozen);
                }
            }

            return recorded;
        }

        public static bool CallsAutoSchema(MigrationEffect? effect) => effect is not null && effect.Changes.Any(change => change.Kind == ChangeKind.AutoSchema);
    }
}
