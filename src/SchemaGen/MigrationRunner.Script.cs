using SchemaGen.Ledger;
using SchemaGen.Planning;

namespace SchemaGen;

/// <summary>The runner's scripts: the SQL a run would send, for a person to review and run with psql.</summary>
public sealed partial class MigrationRunner
{
    /// <summary>
    /// The SQL that applying the database's pending migrations (up to <paramref name="to"/>) would send, refused for what a run
    /// would refuse (a failed or edited migration, one out of order, tables but no ledger). On a database with no ledger the
    /// script creates it. C# migrations are scripted when their SQL is known at compile time
    /// (<see cref="MigrationDescriptor.CompileTimeSql"/>); the script stops before the first that is not. Applies nothing and takes no lock.
    /// <see cref="MigrationScript.From"/> writes one with no database.
    /// </summary>
    /// <exception cref="MigrationValidationException">A run would refuse this database; the message says why and what to do.</exception>
    public async Task<MigrationScript> ScriptAsync(int? to = null, CancellationToken cancellationToken = default)
    {
        EnsureMigration(to, 1, nameof(to));
        var (connection, ledger) = await OpenReadingLedgerAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = connection.ConfigureAwait(false);
        if (ledger is null)
        {
            await ExistingSchemaGuard.EnsureAdoptableAsync(connection, _ledger.Table, _options, cancellationToken).ConfigureAwait(false);
            return MigrationScript.From(_migrations, 1, to, _options);
        }

        var plan = MigrationPlanner.Plan(_migrations, ledger, _ledger.Table, _options);
        var pending = plan.Pending.Where(migration => migration.Number <= (to ?? int.MaxValue)).ToList();
        var repeatables = (to ?? _migrations.Count) == _migrations.Count ? await PendingRepeatablesAsync(connection, plan, cancellationToken).ConfigureAwait(false) : [];
        return MigrationScriptWriter.Write(pending, ScriptStart.Recorded(ledger), _ledger.Table, _options, repeatables: repeatables);
    }

    /// <summary>
    /// The SQL that <see cref="RevertAsync"/> with the same <paramref name="to"/> would send: each down, newest first, with the
    /// removal of its ledger row, after the same checks. Downs are scripted when their SQL is known at compile time
    /// (<see cref="MigrationDescriptor.CompileTimeDownSql"/>); the script stops before the first that is not.
    /// </summary>
    /// <exception cref="MigrationValidationException">The revert would be refused; the message says why.</exception>
    public async Task<MigrationScript> ScriptRevertAsync(int? to = null, CancellationToken cancellationToken = default)
    {
        EnsureRevertTarget(to);
        var ledger = await ReadLedgerAsync(cancellationToken).ConfigureAwait(false) ?? [];
        var plan = Reverting.RevertPlanner.Plan(_migrations, ledger, _ledger.Table, _options, to);
        return MigrationScriptWriter.Write(plan, ScriptStart.Recorded(ledger), _ledger.Table, _options, revert: true);
    }

    private void EnsureMigration(int? number, int lowest, string parameter) => MigrationScript.EnsureMigration(_migrations, number, lowest, parameter);
}
