using System.Collections;
using System.ComponentModel;

namespace SchemaGen;

/// <summary>
/// The generated registry's list of migrations: ordered by number, checked at compile time, and carrying the digest the
/// ledger's head is compared with, computed at compile time too. A runner built over it hashes and checks nothing at
/// start-up, and a start-up that finds nothing to do never creates the descriptors at all: the list knows its count and
/// digest, and builds its descriptors the first time one is asked for.
/// </summary>
public sealed class MigrationList : IReadOnlyList<MigrationDescriptor>
{
    private readonly Func<MigrationDescriptor[]>? _load;
    private MigrationDescriptor[]? _migrations;

    /// <summary>Creates the list over descriptors already built.</summary>
    /// <param name="migrations">The migrations, ordered by number, numbers and names unique (the generator guarantees it).</param>
    /// <param name="digest">
    /// The XOR of MD5 over each migration's <c>number:id:checksum</c> line, 32 lowercase hex digits, as the ledger's head holds
    /// it; null where the generator could not compute it (the runner then does, once).
    /// </param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public MigrationList(MigrationDescriptor[] migrations, string? digest)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        _migrations = migrations;
        Count = migrations.Length;
        Digest = digest;
    }

    /// <summary>Creates the list that builds its descriptors when first asked; the generated registry calls this.</summary>
    /// <param name="count">How many migrations <paramref name="load"/> returns.</param>
    /// <param name="digest">As for the other constructor.</param>
    /// <param name="load">Builds the descriptors, ordered by number; called once, or more than once only by racing threads.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public MigrationList(int count, string? digest, Func<MigrationDescriptor[]> load)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(load);
        Count = count;
        Digest = digest;
        _load = load;
    }

    /// <summary>The compile-time digest of the list (see the constructor), or null.</summary>
    public string? Digest { get; }

    /// <summary>
    /// The digest a ledger's head holds once exactly these migrations are applied: a generated list's compile-time one, else
    /// computed. Equal digests mean the same migrations (numbers, ids, checksums).
    /// </summary>
    public static string DigestOf(IReadOnlyList<MigrationDescriptor> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return migrations is MigrationList { Digest: { } digest } ? digest : Ledger.LedgerDigest.Of(migrations).Hex;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public MigrationDescriptor this[int index] => Migrations[index];

    private MigrationDescriptor[] Migrations => Volatile.Read(ref _migrations) ?? Load();

    /// <inheritdoc />
    public IEnumerator<MigrationDescriptor> GetEnumerator() => ((IEnumerable<MigrationDescriptor>)Migrations).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private MigrationDescriptor[] Load()
    {
        var loaded = _load!();
        if (loaded.Length != Count)
        {
            throw new InvalidOperationException($"The migration registry built {loaded.Length} migrations but declares {Count}; rebuild the project.");
        }

        return Interlocked.CompareExchange(ref _migrations, loaded, null) ?? loaded;
    }
}
