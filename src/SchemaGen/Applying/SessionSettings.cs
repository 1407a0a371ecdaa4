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

    /// <summary>Sets <c>lock_timeout</c>, for the transaction only (<paramref name="local"/>) or for the session; nothing when there is no limit.</summary>
    public static NpgsqlBatchCommand[] LockTimeout(TimeSpan? timeout, bool local)
    {
        if (timeout is not { } value)
        {
            return [];
        }

        var milliseconds = ((long)Math.Ceiling(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        return [new NpgsqlBatchCommand($"SET {(local ? "LOCAL " : "")}lock_timeout = {milliseconds}")];
    }
}
