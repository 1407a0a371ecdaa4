using SchemaGen.Generator.Data;

namespace SchemaGen.Generator.ModelDrift
{
    /// <summary>
    /// The migration that closes the differences between the models and the schema: its suggested <see cref="Name"/>, its whole
    /// <see cref="Sql"/> (header included; null when all that differs already waits in a draft), how many parts are drafts a
    /// person must confirm (each flagged by SG0010), and the differences whose draft an existing migration already holds.
    /// </summary>
    internal sealed record ModelMigrationDraft(string Name, string? Sql, int Drafts, EquatableArray<PendingDraft> Pending);

    /// <summary>A difference whose draft (a drop or rename to confirm) already stands in the migration file <see cref="File"/>.</summary>
    internal sealed record PendingDraft(ModelDifference Difference, string File);

    /// <summary>A SQL migration that still holds a <c>-- schemagen-draft:</c> line: its file name and text.</summary>
    internal sealed record DraftFile(string File, string Text);
}
