using SchemaGen.Generator.Data.SchemaModel;

namespace SchemaGen.Generator.Data
{
    /// <summary>
    /// The <c>[Table]</c> models a released migration's <c>AutoSchemaAsync</c> is frozen to, from the lock file: replaying it
    /// and running it on a fresh database use these, not today's models, so both give what production got.
    /// </summary>
    internal sealed record FrozenAutoSchema(int Number, string MigrationId, EquatableArray<TableInfo> Tables);
}
