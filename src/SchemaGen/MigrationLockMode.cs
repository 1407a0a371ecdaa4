namespace SchemaGen;

/// <summary>How runners migrating the same ledger take turns. Every runner of one database must use the same mode.</summary>
public enum MigrationLockMode
{
    /// <summary>
    /// One session advisory lock held for the whole run (the default). Needs a real session: a direct connection,
    /// or a pooler in session mode.
    /// </summary>
    Session,

    /// <summary>
    /// A transaction advisory lock (<c>pg_advisory_xact_lock</c>) taken in each migration's own transaction, with the ledger
    /// re-read under it; a non-transactional migration claims its number with a <c>running</c> row whose <c>applied_at</c>
    /// it renews while it runs. Correct through a pooler in transaction mode (PgBouncer's <c>pool_mode = transaction</c>),
    /// which may give every transaction another server session. Costs one ledger read per migration applied.
    /// </summary>
    Transaction,
}
