using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SchemaGen.Generator.LockFile
{
    /// <summary>One recorded migration, with the span of its entry in the lock file.</summary>
    internal sealed record LockEntry(int Number, string Name, string Checksum, TextSpan Span);

    /// <summary>Something wrong in the lock file (SG0104), at its place in the file.</summary>
    internal sealed record LockFileProblem(string Reason, TextSpan Span);

    /// <summary>What a lock file holds: its usable entries and what is wrong with it.</summary>
    internal sealed record LockFileContents(IReadOnlyList<LockEntry> Entries, IReadOnlyList<LockFileProblem> Problems);
}
