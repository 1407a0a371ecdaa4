namespace SchemaGen.Ledger;

/// <summary>
/// What stands under the ledger's name: its <c>pg_class.relkind</c> (null when nothing), its columns in order, whether its
/// schema exists, and whether its head, the head's enabled triggers and the current version of its function exist.
/// </summary>
internal sealed record LedgerShape(string? Kind, string? Columns, bool SchemaExists, bool HasHead)
{
    public bool IsTable => Kind is "r" or "p";

    /// <summary>The classic five-column tracking table, which SchemaGen adopts in place.</summary>
    public bool IsLegacyLedger => IsTable && Columns == LegacyLedger.Columns;

    /// <summary>A table with the columns every SchemaGen ledger has had (later ones are added in place).</summary>
    public bool IsLedger => IsTable && HasColumn("number") && HasColumn("migration_name") && HasColumn("checksum") && HasColumn("status");

    public bool HasColumn(string name) => Columns is not null && Columns.Split(", ").Contains(name, StringComparer.Ordinal);
}
