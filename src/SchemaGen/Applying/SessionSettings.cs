using System.Globalization;
using Npgsql;

namespace SchemaGen.Applying;

/// <summary>
/// Brings the shared connection back to the session's defaults before each migration and before each ledger write, so
/// a <c>SET search_path</c>, <c>SET ROLE</c> or <c>SET statement_timeout</c> in one migration never reaches the next
/// (a fresh database and one migrated step by step end up alike). Advisory locks are kept, unlike <c>DISCARD ALL</c>.
/// </summary>
internal static class SessionSettings
{
    /// <summary><c>RESET ALL</c> leaves a <c>SET ROLE</c> in place; resetting the session authorization ends it too.</summary>
    public static NpgsqlBatchCommand[] Reset()
        => [new NpgsqlBatchCommand("SET SESSION AUTHORIZATION DEFAULT"), new NpgsqlBatchCommand("RESET ALL")];

    /// <summary>Sets the session's <c>lock_timeout</c>; nothing when there is no limit.</summary>
    public static NpgsqlBatchCommand[] SessionLockTimeout(TimeSpan? timeout)
        => Milliseconds(timeout) is { } milliseconds ? [new NpgsqlBatchCommand($"SET lock_timeout = {milliseconds}")] : [];

    /// <summary>
    /// Assigns the transaction its id and returns it, setting the transaction's <c>lock_timeout</c> in the same statement
    /// (<c>set_config</c>'s third argument makes it <c>SET LOCAL</c>).
    /// </summary>
    public static string SelectTransactionIdSettingLockTimeout(TimeSpan? timeout)
        => Milliseconds(timeout) is { } milliseconds
            ? $"SELECT txid_current(), set_config('lock_timeout', '{milliseconds}', true)"
            : "SELECT txid_current()";

    /// <summary>A timeout as PostgreSQL's settings take it, whole milliseconds rounded up; null for none.</summary>
    public static string? Milliseconds(TimeSpan? timeout)
        => timeout is { } value ? ((long)Math.Ceiling(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) : null;
}
