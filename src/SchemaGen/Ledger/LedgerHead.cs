namespace SchemaGen.Ledger;

/// <summary>
/// The ledger's head: a one-row table beside the ledger holding its row count, its count of rows not applied, and its
/// <see cref="LedgerDigest"/>, kept exact by a trigger on every insert, update, delete and truncate of the ledger,
/// whoever makes them (a hand edit included). A no-op start-up compares this one row with the registry's compile-time
/// digest, so its cost does not grow with the ledger.
/// </summary>
/// <remarks>
/// The trigger is <c>ENABLE ALWAYS</c>, so it fires under <c>session_replication_role = replica</c> (logical replication,
/// some restore tools) too, and its function is <c>SECURITY DEFINER</c>, so a role that may edit the ledger need not be
/// granted the head. The head names its ledger by oid: a dropped ledger fails the check, a re-created one does not match.
/// What the check does not see is the ledger edited while its trigger is disabled or dropped (that takes the table's
/// owner); a run that applies anything, or finds the head missing, repairs the trigger and recounts.
/// </remarks>
internal sealed class LedgerHead
{
    /// <summary>The row trigger's name on the ledger table.</summary>
    public const string TriggerName = "schemagen_head";

    /// <summary>The statement trigger's name on the ledger table, for TRUNCATE.</summary>
    public const string TruncateTriggerName = TriggerName + "_truncate";

    /// <summary>
    /// The head function's comment, naming its version: a ledger whose function carries another is given the current one
    /// (version 2 plans its UPDATE once per session, where version 1 was planned anew on every write).
    /// </summary>
    public const string FunctionVersion = "SchemaGen ledger head, version 2: keeps the head row exact; do not edit";

    /// <summary>The longest ledger table name for which the head's own names (<c>_head_sync</c> added) fit in 63 bytes.</summary>
    public const int LongestTableName = 53;

    public LedgerHead(string schema, string table, string qualifiedLedger)
    {
        QualifiedName = SqlIdentifier.Quote(schema) + "." + SqlIdentifier.Quote(table + "_head");
        var function = SqlIdentifier.Quote(schema) + "." + SqlIdentifier.Quote(table + "_head_sync");
        Function = function + "()";
        const string Line = "('x' || md5(concat({0}.number, ':', {0}.migration_name, ':', {0}.checksum)))::bit(128)";
        var newLine = string.Format(System.Globalization.CultureInfo.InvariantCulture, Line, "NEW");
        var oldLine = string.Format(System.Globalization.CultureInfo.InvariantCulture, Line, "OLD");
        var ledgerLine = string.Format(System.Globalization.CultureInfo.InvariantCulture, Line, "l");

        // A regclass literal is resolved when the statement is parsed and recorded as a dependency of its plan: with the
        // ledger dropped the check fails with 42P01, and with it re-created the stored oid no longer matches.
        var ledgerLiteral = "'" + qualifiedLedger.Replace("'", "''", StringComparison.Ordinal) + "'::regclass";
        Check = $"SELECT h.row_count, h.unapplied_count, h.digest::text FROM {QualifiedName} h WHERE h.ledger = {ledgerLiteral}";

        Install =
        [
            $"DROP TABLE IF EXISTS {QualifiedName}",
            $"""
                CREATE TABLE {QualifiedName} (
                    one boolean PRIMARY KEY DEFAULT true CHECK (one),
                    ledger regclass NOT NULL,
                    row_count bigint NOT NULL,
                    unapplied_count bigint NOT NULL,
                    digest bit(128) NOT NULL
                )
                """,
            $"COMMENT ON TABLE {QualifiedName} IS 'SchemaGen: row count and digest of the ledger it names, kept by the trigger {TriggerName} on the ledger; do not edit'",
            $"""
                CREATE OR REPLACE FUNCTION {function}() RETURNS trigger
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_generic_plan AS $sync$
                BEGIN
                    IF TG_OP = 'TRUNCATE' THEN
                        UPDATE {QualifiedName} SET row_count = 0, unapplied_count = 0, digest = B'0'::bit(128);
                    ELSIF TG_OP = 'INSERT' THEN
                        UPDATE {QualifiedName} SET row_count = row_count + 1,
                            unapplied_count = unapplied_count + (NEW.status IS DISTINCT FROM 'applied')::int,
                            digest = digest # {newLine};
                    ELSIF TG_OP = 'DELETE' THEN
                        UPDATE {QualifiedName} SET row_count = row_count - 1,
                            unapplied_count = unapplied_count - (OLD.status IS DISTINCT FROM 'applied')::int,
                            digest = digest # {oldLine};
                    ELSE
                        UPDATE {QualifiedName} SET
                            unapplied_count = unapplied_count - (OLD.status IS DISTINCT FROM 'applied')::int + (NEW.status IS DISTINCT FROM 'applied')::int,
                            digest = digest # {oldLine} # {newLine};
                    END IF;
                    RETURN NULL;
                END
                $sync$
                """,
            $"COMMENT ON FUNCTION {function}() IS '{FunctionVersion}'",
            $"DROP TRIGGER IF EXISTS {TriggerName} ON {qualifiedLedger}",
            $"DROP TRIGGER IF EXISTS {TruncateTriggerName} ON {qualifiedLedger}",
            $"""
                CREATE TRIGGER {TriggerName} AFTER INSERT OR DELETE OR UPDATE OF number, migration_name, checksum, status ON {qualifiedLedger}
                    FOR EACH ROW EXECUTE FUNCTION {function}()
                """,
            $"""
                CREATE TRIGGER {TruncateTriggerName} AFTER TRUNCATE ON {qualifiedLedger}
                    FOR EACH STATEMENT EXECUTE FUNCTION {function}()
                """,
            $"ALTER TABLE {qualifiedLedger} ENABLE ALWAYS TRIGGER {TriggerName}",
            $"ALTER TABLE {qualifiedLedger} ENABLE ALWAYS TRIGGER {TruncateTriggerName}",
            $"""
                INSERT INTO {QualifiedName} (ledger, row_count, unapplied_count, digest)
                SELECT {ledgerLiteral}, count(*), count(*) FILTER (WHERE l.status IS DISTINCT FROM 'applied'), coalesce(bit_xor({ledgerLine}), B'0'::bit(128))
                FROM {qualifiedLedger} l
                """,
        ];
    }

    public string QualifiedName { get; }

    /// <summary>The trigger function's signature, for <c>to_regprocedure</c>.</summary>
    public string Function { get; }

    /// <summary>
    /// One row: the ledger's row count, its count of rows not applied, and its digest as text, compared by the caller, so
    /// the query has no parameters to bind (a start-up spends less on it). No row when the head belongs to an earlier table
    /// of the ledger's name; 42P01 when there is no head or no ledger.
    /// </summary>
    public string Check { get; }

    /// <summary>
    /// Creates or repairs the head and its trigger and recomputes it from the ledger. Run it in a transaction: creating the
    /// trigger locks out writes to the ledger, so the recount sees every write made before and the trigger every one after.
    /// </summary>
    public IReadOnlyList<string> Install { get; }
}
