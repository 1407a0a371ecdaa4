using System.Collections;
using System.ComponentModel;

namespace SchemaGen;

/// <summary>
/// The generated registry's list of migrations: ordered by number, checked at compile time, and carrying the digest the
/// ledger is compared with, computed at compile time too, so a runner built over it hashes and checks nothing at start-up.
/// </summary>
public sealed class MigrationList : IReadOnlyList<MigrationDescriptor>
{
    private readonly MigrationDescriptor[] _migrations;

    /// <summary>Creates the list; the generated registry calls this.</summary>
    /// <param name="migrations">The migrations, ordered by number, numbers and names unique (the generator guarantees it).</param>
    /// <param name="digest">
    /// MD5, lowercase hex, over <c>number:id:checksum</c> lines joined by LF, as the ledger's digest query computes it; null where the
    /// generator could not compute it (the runner then does, once).
    /// </param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public MigrationList(MigrationDescriptor[] migrations, string? digest)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        _migrations = migrations;
        Digest = digest;
    }

    /// <summary>The compile-time digest of the list (see the constructor), or null.</summary>
    public string? Digest { get; }

    /// <inheritdoc />
    public int Count => _migrations.Length;

    /// <inheritdoc />
    public MigrationDescriptor this[int index] => _migrations[index];

    /// <inheritdoc />
    public IEnumerator<MigrationDescriptor> GetEnumerator() => ((IEnumerable<MigrationDescriptor>)_migrations).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
