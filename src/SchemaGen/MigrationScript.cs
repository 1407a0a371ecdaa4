using System.Globalization;
using SchemaGen.Ledger;
using SchemaGen.Planning;

namespace SchemaGen;

/// <summary>
/// The SQL that applying migrations would send, for a person to review and run with <c>psql</c>: what
/// <see cref="MigrationRunner.ScriptAsync"/> (for a database's pending migrations) and <see cref="From"/> (with no database) write.
/// </summary>
/// <param name="Sql">The script: the migration lock, a guard that the ledger is as the script expects, the ledger's set-up when it is new, then each migration's statements and ledger row in its transaction.</param>
/// <param name="CreatesLedger">Whether the script creates the ledger (the database has none).</param>
/// <param name="Migrations">The migrations scripted, in order.</param>
/// <param name="StoppedAt">The first migration of the range whose SQL is decided as it runs (so it and those after it are not scripted), or null.</param>
/// <param name="NotScripted">How many migrations of the range the script leaves out, <see cref="StoppedAt"/> included.</param>
public sealed record MigrationScript(string Sql, bool CreatesLedger, IReadOnlyList<MigrationDescriptor> Migrations, MigrationDescriptor? StoppedAt, int NotScripted)
{
    /// <summary>Whether every migration of the range is in the script.</summary>
    public bool IsComplete => StoppedAt is null;

    /// <summary>
    /// The SQL that applying migrations <paramref name="from"/> to <paramref name="to"/> (default: the last) would send to a
    /// database whose ledger records migrations 1 to <paramref name="from"/> − 1 and no other; from 1, to a database with no
    /// ledger, which the script creates. Needs no database: for a review before the database exists, or in CI. The script's
    /// guard stops it, before it changes anything, on a database whose ledger is not as expected.
    /// </summary>
    /// <param name="migrations">The migrations, normally <c>SchemaGen.Generated.MigrationRegistry.All</c>.</param>
    /// <param name="from">The first migration to script.</param>
    /// <param name="to">The last migration to script; null for the last of <paramref name="migrations"/>.</param>
    /// <param name="options">The ledger's schema and table, and the lock_timeout each migration sets; null for the defaults.</param>
    public static MigrationScript From(IReadOnlyList<MigrationDescriptor> migrations, int from, int? to = null, MigrationRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        options ??= new MigrationRunnerOptions();
        options.Validate();
        EnsureMigration(migrations, from, 1, nameof(from));
        EnsureMigration(migrations, to, from, nameof(to));
        var range = migrations.Where(migration => migration.Number >= from && migration.Number <= (to ?? int.MaxValue)).ToList();
        var start = from == 1
            ? new ScriptStart(0, 0, CreatesLedger: true, "no migration (or does not exist yet)")
            : new ScriptStart(from - 1, from - 1, CreatesLedger: false, $"migrations 1 to {migrations[from - 2].Id} and no other");
        // A run applies the repeatable migrations after the last numbered one.
        var repeatables = (to ?? migrations.Count) == migrations.Count ? MigrationList.RepeatablesOf(migrations) : [];
        return MigrationScriptWriter.Write(range, start, new LedgerTable(options.Schema, options.TableName), options, repeatables: repeatables);
    }

    internal static void EnsureMigration(IReadOnlyList<MigrationDescriptor> migrations, int? number, int lowest, string parameter)
    {
        if (number is { } value && (value < lowest || value > migrations.Count))
        {
            throw new ArgumentOutOfRangeException(
                parameter, value, string.Create(CultureInfo.InvariantCulture, $"{parameter} must be a migration of this build from {lowest} to {migrations.Count}."));
        }
    }
}
