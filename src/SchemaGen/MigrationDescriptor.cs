using System.Globalization;
using SchemaGen.SqlParsing;

namespace SchemaGen;

/// <summary>
/// One migration as the generated registry describes it: compile-time constants and a factory.
/// </summary>
public sealed class MigrationDescriptor
{
    private readonly Func<Migration> _factory;
    private readonly string? _constantSql;
    private readonly string? _constantDownSql;
    private string? _version1Checksum;

    /// <summary>Creates a descriptor; the generated registry calls this.</summary>
    public MigrationDescriptor(int number, string name, string description, bool transactional, string checksum, Func<Migration> factory)
        : this(number, name, description, transactional, checksum, factory, constantSql: null)
    {
    }

    /// <summary>
    /// Creates the descriptor of a migration with more than the generator always knows; the generated registry calls this.
    /// </summary>
    /// <param name="number">The migration's number.</param>
    /// <param name="name">Its snake_case name.</param>
    /// <param name="description">Its description, or empty.</param>
    /// <param name="transactional">Whether it runs in a transaction with its ledger row.</param>
    /// <param name="checksum">Its compile-time checksum.</param>
    /// <param name="factory">Creates the migration.</param>
    /// <param name="constantSql">The SQL a C# migration sends, when the generator read it as constants; null otherwise (see <see cref="CompileTimeSql"/>).</param>
    /// <param name="reversible">Whether it has a down: a <c>DownAsync</c> override, or a <c>.down.sql</c> file.</param>
    /// <param name="constantDownSql">As <paramref name="constantSql"/>, for a C# migration's <c>DownAsync</c>.</param>
    /// <param name="downTransactional">Whether its down runs in a transaction with the removal of its ledger row.</param>
    public MigrationDescriptor(
        int number,
        string name,
        string description,
        bool transactional,
        string checksum,
        Func<Migration> factory,
        string? constantSql,
        bool reversible = false,
        string? constantDownSql = null,
        bool? downTransactional = null)
        : this(number, name, description, transactional, checksum, factory, constantSql, reversible, constantDownSql, downTransactional, repeatable: false)
    {
    }

    private MigrationDescriptor(
        int number,
        string name,
        string description,
        bool transactional,
        string checksum,
        Func<Migration> factory,
        string? constantSql,
        bool reversible,
        string? constantDownSql,
        bool? downTransactional,
        bool repeatable)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, repeatable ? 0 : 1);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentException.ThrowIfNullOrEmpty(checksum);
        ArgumentNullException.ThrowIfNull(factory);
        Number = number;
        Name = name;
        IsRepeatable = repeatable;
        Id = repeatable ? RepeatableIdPrefix + name : IdOf(number, name);
        Description = description;
        Transactional = transactional;
        Checksum = checksum;
        _factory = factory;
        _constantSql = constantSql;
        IsReversible = reversible;
        _constantDownSql = constantDownSql;
        DownTransactional = downTransactional ?? transactional;
    }

    /// <summary>What starts a repeatable migration's id, and its file's name: <c>R_</c>.</summary>
    public const string RepeatableIdPrefix = "R_";

    /// <summary>
    /// Creates the descriptor of a repeatable migration (<see cref="RepeatableMigrationAttribute"/>, or an <c>R_name.sql</c>
    /// file); the generated registry calls this. It has no number (0) and its id is <c>R_</c> and the name.
    /// </summary>
    public static MigrationDescriptor Repeatable(string name, string description, string checksum, Func<Migration> factory, string? constantSql = null)
        => new(0, name, description, transactional: true, checksum, factory, constantSql, reversible: false, constantDownSql: null, downTransactional: null, repeatable: true);

    /// <summary>The migration's position in the order, from 1; 0 for a repeatable migration.</summary>
    public int Number { get; }

    /// <summary>
    /// Whether it is a repeatable migration: applied after the numbered ones, in name order, whenever its checksum differs from
    /// the one recorded; <see cref="MigrationList.Repeatables"/> holds them.
    /// </summary>
    public bool IsRepeatable { get; }

    /// <summary>The snake_case name given in the attribute.</summary>
    public string Name { get; }

    /// <summary>The id recorded in the ledger: the number zero-padded to three digits, then the name (<c>001_audit_log</c>); <c>R_name</c> for a repeatable one.</summary>
    public string Id { get; }

    /// <summary>The description given in the attribute, or empty.</summary>
    public string Description { get; }

    /// <summary>Whether the migration runs in a transaction with its ledger row.</summary>
    public bool Transactional { get; }

    /// <summary>
    /// The compile-time checksum of the migration's code: <c>sha256:</c> and lowercase hex for a C# migration, <c>v2:sha256:</c>
    /// for a SQL file (version 2, which ignores the case of keywords and unquoted identifiers).
    /// </summary>
    public string Checksum { get; }

    /// <summary>
    /// The SQL the migration sends, known at compile time: a SQL file's text, or, for a C# migration whose <c>UpAsync</c> only
    /// passes constant strings to <see cref="MigrationContext.ExecuteAsync"/>, those strings in order, each ending in a
    /// semicolon. Null when the SQL is decided as the migration runs (variables, <c>AutoSchemaAsync</c>, <c>CreateCommand</c>…).
    /// What the <c>script</c> verb prints.
    /// </summary>
    public string? CompileTimeSql => _constantSql ?? SqlText;

    /// <summary>Whether the migration has a down (a <c>DownAsync</c> override, or a <c>.down.sql</c> file), so it can be reverted.</summary>
    public bool IsReversible { get; }

    /// <summary>Whether its down runs in a transaction with the removal of its ledger row: as the migration does, or as a <c>.down.sql</c> file's header says.</summary>
    public bool DownTransactional { get; }

    /// <summary>As <see cref="CompileTimeSql"/>, for its down: the <c>.down.sql</c> file's text, or a <c>DownAsync</c>'s constant SQL; null when unknown or none.</summary>
    public string? CompileTimeDownSql => _constantDownSql ?? (IsReversible && _factory() is SqlMigration { DownSql: { } down } ? down : null);

    /// <summary>Creates a new instance of the migration.</summary>
    public Migration CreateInstance() => _factory();

    /// <inheritdoc />
    public override string ToString() => Id;

    /// <summary>The SQL of a migration kept as a <c>.sql</c> file; null for a C# migration.</summary>
    internal string? SqlText => _factory() is SqlMigration sql ? sql.Sql : null;

    /// <summary>
    /// Whether a ledger row's checksum is this migration's: the same, or, for a SQL file whose row an earlier release wrote
    /// with checksum version 1, the version-1 checksum of this build's file. Each row keeps verifying with its own version.
    /// </summary>
    internal bool IsRecordedAs(string recordedChecksum)
        => string.Equals(recordedChecksum, Checksum, StringComparison.Ordinal)
           || (IsRecordedWithVersion1(recordedChecksum) && string.Equals(recordedChecksum, Version1Checksum, StringComparison.Ordinal));

    /// <summary>Whether the row's checksum is of version 1 while this build's is of a later version (a SQL file).</summary>
    internal bool IsRecordedWithVersion1(string recordedChecksum)
        => SqlChecksum.VersionOf(recordedChecksum) == 1 && SqlChecksum.VersionOf(Checksum) > 1;

    private string? Version1Checksum
        => _version1Checksum ??= SqlText is { } sql ? SqlChecksum.Compute(sql, Transactional, version: 1) : "";

    /// <summary>The id of a migration of this number and name: the number zero-padded to three digits, then the name (<c>001_audit_log</c>).</summary>
    public static string IdOf(int number, string name)
        => string.Create(CultureInfo.InvariantCulture, $"{number:D3}_{name}");
}
