using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>Replays every migration's effect in order (numbered, then repeatable) into the schema after the last one.</summary>
    internal static class SchemaReplay
    {
        public static SchemaState Run(EquatableArray<MigrationInfo> migrations, EquatableArray<MigrationInfo> repeatables, EquatableArray<TableInfo> tables)
        {
            var state = new SchemaState();
            foreach (var migration in migrations)
            {
                Apply(state, migration.Effect, tables);
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
