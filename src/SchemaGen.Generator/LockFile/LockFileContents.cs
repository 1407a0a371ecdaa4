using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;

namespace SchemaGen.Generator.LockFile
{
    /// <summary>
    /// One recorded migration, with the span of its entry in the lock file. <see cref="AutoSchema"/> is the <c>[Table]</c> models
    /// its <c>AutoSchemaAsync</c> was frozen to when it was recorded; null when it has none.
    /// </summary>
    internal sealed record LockEntry(int Number, string Name, string Checksum, TextSpan Span, EquatableArray<TableInfo>? AutoSchema = null);

    /// <summary>Something wrong in the lock file (SG0104), at its place in the file.</summary>
    internal sealed record LockFileProblem(string Reason, TextSpan Span);

    /// <summary>What the generator and the lint take from a lock file: the "number:name" of each recorded migration, and the frozen auto-schema models.</summary>
    internal sealed record LockFileFacts(EquatableArray<string> ReleasedIds, EquatableArray<FrozenAutoSchema> Frozen)
    {
        public static LockFileFacts None { get; } = new LockFileFacts(EquatableArray<string>.Empty, EquatableArray<FrozenAutoSchema>.Empty);
    }

    /// <summary>What a lock file holds: its usable entries and what is wrong with it.</summary>
    internal sealed record LockFileContents(IReadOnlyList<LockEntry> Entries, IReadOnlyList<LockFileProblem> Problems);
}
