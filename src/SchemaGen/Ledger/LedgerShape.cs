namespace SchemaGen.Ledger;

/// <summary>What stands under the ledger's name: its <c>pg_class.relkind</c> (null when nothing), its columns in order, and whether its schema exists.</summary>
internal sealed record LedgerShape(string? Kind, string? Columns, bool SchemaExists)
{
    public bool IsTable => Kind is "r" or "p";

    /// <summary>The classic five-column tracking table, which SchemaGen adopts in place.</summary>
    public bool IsLegacyLedger => IsTable && Columns == LegacyLedger.Columns;

    public bool HasColumn(string name) => Columns is not null && Columns.Split(", ").Contains(name, StringComparer.Ordinal);
}
