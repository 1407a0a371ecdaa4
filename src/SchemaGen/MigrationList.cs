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
    private readonly Func<MigrationDescriptor[]>? _loadRepeatables;
    private readonly string? _expectedSchemaText;
    private MigrationDescriptor[]? _migrations;
    private MigrationDescriptor[]? _repeatables;
    private ExpectedSchema? _expectedSchema;

    /// <summary>Creates the list over descriptors already built.</summary>
    /// <param name="migrations">The migrations, ordered by number, numbers and names unique (the generator guarantees it).</param>
    /// <param name="digest">
    /// The XOR of MD5 over each migration's <c>number:id:checksum</c> line, 32 lowercase hex digits, as the ledger's head holds
    /// it; null where the generator could not compute it (the runner then does, once).
    /// </param>
    /// <param name="repeatables">The repeatable migrations, ordered by name; the digest covers them too.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public MigrationList(MigrationDescriptor[] migrations, string? digest, MigrationDescriptor[]? repeatables = null)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        _migrations = migrations;
        _repeatables = repeatables ?? [];
        Count = migrations.Length;
        RepeatableCount = _repeatables.Length;
        Digest = digest;
    }

    /// <summary>Creates the list that builds its descriptors when first asked; the generated registry calls this.</summary>
    /// <param name="count">How many migrations <paramref name="load"/> returns.</param>
    /// <param name="digest">As for the other constructor.</param>
    /// <param name="load">Builds the descriptors, ordered by number; called once, or more than once only by racing threads.</param>
    /// <param name="repeatableCount">How many repeatable migrations <paramref name="loadRepeatables"/> returns.</param>
    /// <param name="loadRepeatables">Builds the repeatable migrations, ordered by name.</param>
    /// <param name="expectedSchema">The schema the migrations build, as the generator read it (see <see cref="ExpectedSchema"/>); read when first asked for.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public MigrationList(
        int count, string? digest, Func<MigrationDescriptor[]> load, int repeatableCount = 0, Func<MigrationDescriptor[]>? loadRepeatables = null, string? expectedSchema = null)
    {
        _expectedSchemaText = expectedSchema;
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(load);
        Count = count;
        Digest = digest;
        _load = load;
        RepeatableCount = loadRepeatables is null ? 0 : repeatableCount;
        _loadRepeatables = loadRepeatables;
        _repeatables = loadRepeatables is null ? [] : null;
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
        return migrations is MigrationList { Digest: { } digest } ? digest : Ledger.LedgerDigest.Of(migrations, RepeatablesOf(migrations)).Hex;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <summary>How many repeatable migrations there are (<see cref="Repeatables"/>), known without building them.</summary>
    public int RepeatableCount { get; }

    /// <summary>
    /// The repeatable migrations (<see cref="RepeatableMigrationAttribute"/>, <c>R_name.sql</c> files), ordered by name: applied
    /// after the numbered ones whenever their checksum differs from the one recorded. Not in the list itself, which is the
    /// numbered migrations.
    /// </summary>
    public IReadOnlyList<MigrationDescriptor> Repeatables => Volatile.Read(ref _repeatables) ?? LoadRepeatables();

    /// <summary>
    /// The schema the migrations build, as the compiler read it from them, which <see cref="MigrationRunner.VerifySchemaAsync"/> compares
    /// the database with; null for a list built by hand.
    /// </summary>
    public ExpectedSchema? ExpectedSchema
        => _expectedSchemaText is null ? null : Volatile.Read(ref _expectedSchema) ?? Interlocked.CompareExchange(ref _expectedSchema, ExpectedSchema.Parse(_expectedSchemaText), null) ?? _expectedSchema!;

    /// <summary>The repeatable migrations of a list that has them (a <see cref="MigrationList"/>); none for any other.</summary>
    public static IReadOnlyList<MigrationDescriptor> RepeatablesOf(IReadOnlyList<MigrationDescriptor> migrations)
        => migrations is MigrationList list ? list.Repeatables : [];

    /// <inheritdoc />
    public MigrationDescriptor this[int index] => Migrations[index];

    private MigrationDescriptor[] Migrations => Volatile.Read(ref _migrations) ?? Load();

    /// <inheritdoc />
    public IEnumerator<MigrationDescriptor> GetEnumerator() => ((IEnumerable<MigrationDescriptor>)Migrations).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private MigrationDescriptor[] LoadRepeatables()
    {
        var loaded = _loadRepeatables!();
        return Interlocked.CompareExchange(ref _repeatables, loaded, null) ?? loaded;
    }

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
