using System.Globalization;

namespace SchemaGen;

/// <summary>
/// One migration as the generated registry describes it: compile-time constants and a factory.
/// </summary>
public sealed class MigrationDescriptor
{
    private readonly Func<Migration> _factory;

    /// <summary>Creates a descriptor; the generated registry calls this.</summary>
    public MigrationDescriptor(int number, string name, string description, bool transactional, string checksum, Func<Migration> factory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentException.ThrowIfNullOrEmpty(checksum);
        ArgumentNullException.ThrowIfNull(factory);
        Number = number;
        Name = name;
        Id = FormatId(number, name);
        Description = description;
        Transactional = transactional;
        Checksum = checksum;
        _factory = factory;
    }

    /// <summary>The migration's position in the order, from 1.</summary>
    public int Number { get; }

    /// <summary>The snake_case name given in the attribute.</summary>
    public string Name { get; }

    /// <summary>The id recorded in the ledger: the number zero-padded to three digits, then the name (<c>001_audit_log</c>).</summary>
    public string Id { get; }

    /// <summary>The description given in the attribute, or empty.</summary>
    public string Description { get; }

    /// <summary>Whether the migration runs in a transaction with its ledger row.</summary>
    public bool Transactional { get; }

    /// <summary>The compile-time checksum of the migration's code: <c>sha256:</c> and lowercase hex.</summary>
    public string Checksum { get; }

    /// <summary>Creates a new instance of the migration.</summary>
    public Migration CreateInstance() => _factory();

    /// <inheritdoc />
    public override string ToString() => Id;

    internal static string FormatId(int number, string name)
        => string.Create(CultureInfo.InvariantCulture, $"{number:D3}_{name}");
}
