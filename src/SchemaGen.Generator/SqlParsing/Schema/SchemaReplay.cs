using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>Replays every migration's effect in order (numbered, then repeatable) into the schema after the last one.</summary>
    internal static class SchemaReplay
    {
        /// <param name="frozen">The models released migrations' auto-schema is frozen to (from the lock file); the others use <paramref name="tables"/>.</param>
        public static SchemaState Run(
            EquatableArray<MigrationInfo> migrations, EquatableArray<MigrationInfo> repeatables, EquatableArray<TableInfo> tables, EquatableArray<FrozenAutoSchema> frozen = default)
        {
            var state = new SchemaState();
            foreach (var migration in migrations)
            {
                var models = migration.Repeatable || frozen.Count == 0
                    ? tables
                    : Generator.Sort.AutoSchemaFreezing.ModelsFor(MigrationId.Format(migration.Number, migration.Name), tables, frozen);
                Apply(state, migration.Effect, models);
            }

            foreach (var repeatable in repeatables)
            {
                Apply(state, repeatable.Effect, tables);
            }

            return state;
        }

        /// <param name="state">The schema so far.</param>
        /// <param name="effect">What the migration does.</param>
        /// <param name="tables">The <c>[Table]</c> models auto-schema creates from; null when they are not known, and what it does is not either.</param>
        public static void Apply(SchemaState state, MigrationEffect? effect, EquatableArray<TableInfo>? tables)
        {
            if (effect is null)
            {
                return;
            }

            foreach (var change in effect.Changes)
            {
                if (change.Kind == ChangeKind.AutoSchema && tables is { } models)
                {
                    AutoSchemaReplay.Apply(state, models, effect.MigrationId);
                }
                else if (change.Kind == ChangeKind.AutoSchema)
                {
                    state.Apply(new SchemaChange(ChangeKind.MayTouchAnything, default), effect.MigrationId);
                }
                else
                {
                    state.Apply(change, effect.MigrationId);
                }
            }
        }
    }
}
