using System.Globalization;
using System.Text;
using SchemaGen.Applying;
using SchemaGen.Ledger;
using SchemaGen.SqlParsing;

namespace SchemaGen.Planning;

/// <summary>Where a script starts: the ledger as it must be found, and whether the script creates it.</summary>
/// <param name="Rows">How many rows the ledger must hold, all applied.</param>
/// <param name="Highest">The highest number among them; 0 for none.</param>
/// <param name="CreatesLedger">Whether the script creates the ledger.</param>
/// <param name="Expected">The same in words, for the guard's message: <c>migrations 1 to 004_notes and no other</c>.</param>
internal sealed record ScriptStart(int Rows, int Highest, bool CreatesLedger, string Expected)
{
    /// <summary>The ledger as read: its rows and the highest, which the script's guard expects to find unchanged.</summary>
    public static ScriptStart Recorded(IReadOnlyList<LedgerRow> ledger)
    {
        var highest = ledger.Count == 0 ? null : ledger.MaxBy(row => row.Number);
        var expected = highest is null
            ? "no migration"
            : string.Create(CultureInfo.InvariantCulture, $"{ledger.Count} migration(s), up to {highest.MigrationName}, and no other");
        return new ScriptStart(ledger.Count, highest?.Number ?? 0, CreatesLedger: false, expected);
    }
}

/// <summary>
/// Writes the SQL that applying migrations would send, as a psql script: the migration lock, the guard, the ledger's set-up,
/// then each migration as the runner applies it (its transaction, lock_timeout, statements, session reset and ledger row).
/// It stops before the first migration whose SQL is decided as it runs, and says so.
/// </summary>
internal static class MigrationScriptWriter
{
    /// <param name="range">The migrations to apply in order, or with <paramref name="revert"/> to revert, newest first.</param>
    /// <param name="start">The ledger the script expects.</param>
    /// <param name="table">The ledger table.</param>
    /// <param name="options">The lock_timeout each migration sets.</param>
    /// <param name="revert">Script the downs, each removing its ledger row, instead of the migrations.</param>
    /// <param name="repeatables">The repeatable migrations to apply after the numbered ones, by name.</param>
    public static MigrationScript Write(
        IReadOnlyList<MigrationDescriptor> range, ScriptStart start, LedgerTable table, MigrationRunnerOptions options, bool revert = false, IReadOnlyList<MigrationDescriptor>? repeatables = null)
    {
        range = [.. range, .. repeatables ?? []];
        var scripted = range.TakeWhile(migration => SqlOf(migration, revert) is not null).ToList();
        var stoppedAt = scripted.Count < range.Count ? range[scripted.Count] : null;
        var script = new StringBuilder();
        if (range.Count == 0)
        {
            script.Append("-- SchemaGen: nothing to ").Append(revert ? "revert" : "apply").Append(": the ledger ").Append(table.QualifiedName)
                .Append(revert ? " records no migration above the one asked for.\n" : " records every migration asked for.\n");
            return new MigrationScript(script.ToString(), CreatesLedger: false, [], StoppedAt: null, NotScripted: 0);
        }

        if (scripted.Count == 0)
        {
            AppendStop(script, stoppedAt!, range.Count - 1, revert);
            return new MigrationScript(script.ToString(), CreatesLedger: false, [], stoppedAt, range.Count);
        }

        var ledger = new ScriptedLedger(table);
        var key = MigrationLock.KeyFor(table).ToString(CultureInfo.InvariantCulture);
        script
            .Append("-- SchemaGen: the SQL that ").Append(revert ? "reverting " : "applying ").Append(Describe(scripted))
            .Append(revert ? " would send, newest first, each removing its ledger row,\n" : " would send, in order, each with its ledger row,\n")
            .Append("-- to a database whose ledger records ").Append(start.Expected).Append(".\n")
            .Append("-- Run it with psql, which stops at the first error (ON_ERROR_STOP below): psql \"host=… dbname=…\" -f script.sql\n")
            .Append("\\set ON_ERROR_STOP on\n")
            .Append("-- The migration lock every SchemaGen run takes: an app starting meanwhile waits for this script instead of migrating beside it.\n")
            .Append("SELECT pg_advisory_lock(").Append(key).Append(");\n")
            .Append(ledger.Guard(start.Rows, start.Highest, start.Expected)).Append('\n');
        if (start.CreatesLedger)
        {
            script.Append("\n-- The ledger ").Append(table.QualifiedName).Append(" and its head, which the database does not have yet.\n");
            foreach (var statement in ledger.Create())
            {
                script.Append(statement).Append('\n');
            }
        }

        var roomForRepeatables = start.CreatesLedger;
        foreach (var migration in scripted)
        {
            script.Append('\n');
            var sql = StatementTerminator.Terminate(SqlOf(migration, revert)!);
            if (migration.IsRepeatable)
            {
                if (!roomForRepeatables)
                {
                    script.Append("-- Room for repeatable migrations' rows, in a ledger made before them (a run adds it the same way).\n");
                    foreach (var statement in ledger.MakeRoomForRepeatables())
                    {
                        script.Append(statement).Append('\n');
                    }

                    script.Append('\n');
                    roomForRepeatables = true;
                }

                AppendRepeatable(script, migration, sql, ledger, options);
            }
            else if (revert)
            {
                AppendRevert(script, migration, sql, ledger, options);
            }
            else
            {
                Append(script, migration, sql, ledger, options);
            }
        }

        if (stoppedAt is not null)
        {
            script.Append('\n');
            AppendStop(script, stoppedAt, range.Count - scripted.Count - 1, revert);
        }

        script.Append("\nSELECT pg_advisory_unlock(").Append(key).Append(");\n");
        return new MigrationScript(script.ToString(), start.CreatesLedger, scripted, stoppedAt, range.Count - scripted.Count);
    }

    private static string? SqlOf(MigrationDescriptor migration, bool revert) => revert ? migration.CompileTimeDownSql : migration.CompileTimeSql;

    private static void AppendStop(StringBuilder script, MigrationDescriptor stoppedAt, int after, bool revert)
        => script
            .Append("-- ").Append(stoppedAt.Id).Append(revert ? "'s down is C# whose SQL is decided as it runs (its DownAsync" : " is a C# migration whose SQL is decided as it runs (its UpAsync")
            .Append(" does more than pass constant SQL to ExecuteAsync),\n")
            .Append("-- so the script stops before it: ").Append(revert ? "revert" : "apply").Append(" it, and the ").Append(after.ToString(CultureInfo.InvariantCulture))
            .Append(" migration(s) after it, with the ").Append(revert ? "revert" : "migrate").Append(" verb.\n");

    /// <summary>A repeatable migration as a run applies it: in a transaction with its row, inserted or updated to its checksum.</summary>
    private static void AppendRepeatable(StringBuilder script, MigrationDescriptor migration, string sql, ScriptedLedger ledger, MigrationRunnerOptions options)
    {
        AppendTitle(script, migration.Id + " (repeatable)", migration.Description);
        script.Append('\n');
        AppendInTransaction(script, sql, ledger.RecordRepeatable(migration), options);
    }

    /// <summary>A down as the reverter runs it: in its transaction with the removal of its row, or outside one, marked as being reverted first.</summary>
    private static void AppendRevert(StringBuilder script, MigrationDescriptor migration, string sql, ScriptedLedger ledger, MigrationRunnerOptions options)
    {
        AppendTitle(script, "revert " + migration.Id, description: "");
        if (migration.DownTransactional)
        {
            script.Append('\n');
            AppendInTransaction(script, sql, ledger.RemoveApplied(migration), options);
            return;
        }

        script.Append(" (not transactional: marked as being reverted, then each statement commits on its own)\n");
        AppendOutsideTransaction(script, sql, ledger.MarkReverting(migration), ledger.RemoveReverted(migration), options);
    }

    private static void Append(StringBuilder script, MigrationDescriptor migration, string sql, ScriptedLedger ledger, MigrationRunnerOptions options)
    {
        AppendTitle(script, migration.Id, migration.Description);
        if (migration.Transactional)
        {
            script.Append('\n');
            AppendInTransaction(script, sql, ledger.Applied(migration), options);
            return;
        }

        script.Append(" (not transactional: recorded as running, then each statement commits on its own)\n");
        AppendOutsideTransaction(script, sql, ledger.Running(migration), ledger.Completed(migration), options);
    }

    private static void AppendTitle(StringBuilder script, string title, string description)
    {
        script.Append("-- ").Append(title);
        if (description.Length > 0)
        {
            script.Append(": ").Append(description.ReplaceLineEndings(" "));
        }
    }

    /// <summary>The statements in a transaction that ends with <paramref name="row"/>, the ledger's write, as the runner runs them.</summary>
    private static void AppendInTransaction(StringBuilder script, string sql, string row, MigrationRunnerOptions options)
    {
        script.Append("BEGIN;\n");
        AppendLockTimeout(script, "SET LOCAL", options);
        AppendStatements(script, sql);
        AppendSessionReset(script);
        script.Append(row).Append('\n').Append("COMMIT;\n");
    }

    /// <summary>The statements outside a transaction, each committing on its own, between the ledger's <paramref name="mark"/> and <paramref name="close"/>.</summary>
    private static void AppendOutsideTransaction(StringBuilder script, string sql, string mark, string close, MigrationRunnerOptions options)
    {
        AppendLockTimeout(script, "SET", options);
        script.Append(mark).Append('\n');
        AppendStatements(script, sql);
        AppendSessionReset(script);
        script.Append(close).Append('\n');
    }

    private static void AppendStatements(StringBuilder script, string sql)
    {
        if (sql.Length > 0)
        {
            script.Append(sql).Append('\n');
        }
    }

    private static void AppendLockTimeout(StringBuilder script, string set, MigrationRunnerOptions options)
    {
        if (SessionSettings.Milliseconds(options.TableLockTimeout) is { } milliseconds)
        {
            script.Append(set).Append(" lock_timeout = ").Append(milliseconds).Append(";\n");
        }
    }

    /// <summary>What the runner does before each ledger write, so a <c>SET ROLE</c> or <c>SET search_path</c> in a migration reaches neither the row nor the next migration.</summary>
    private static void AppendSessionReset(StringBuilder script)
        => script.Append("SET SESSION AUTHORIZATION DEFAULT;\nRESET ALL;\n");

    private static string Describe(IReadOnlyList<MigrationDescriptor> range)
        => range.Count == 1 ? $"migration {range[0].Id}" : $"migrations {range[0].Id} to {range[^1].Id}";
}
