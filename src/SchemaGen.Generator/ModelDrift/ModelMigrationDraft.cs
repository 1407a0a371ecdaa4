namespace SchemaGen.Generator.ModelDrift
{
    /// <summary>
    /// The migration that closes the differences between the models and the schema: its suggested <see cref="Name"/>, its whole
    /// <see cref="Sql"/> (header included), and how many parts are drafts a person must confirm (each flagged by SG0010).
    /// </summary>
    internal sealed record ModelMigrationDraft(string Name, string Sql, int Drafts);
}
