using Npgsql;

namespace SchemaGen.Testing;

/// <summary>
/// The redo check: on an empty database, each migration is applied in turn, and each reversible one is then reverted and
/// applied again. Its down must leave the catalog as it was before the migration, and applying it again must give the
/// catalog it gave the first time; a broken down is caught in CI, not in an incident.
/// </summary>
public static class RedoCheck
{
    /// <summary>Runs the check on the empty database <paramref name="dataSource"/> connects to, stopping at the first failure.</summary>
    public static async Task<RedoCheckResult> RunAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<MigrationDescriptor> migrations, MigrationRunnerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(migrations);
        options ??= new MigrationRunnerOptions();
        var checkedCount = 0;
        var before = await CatalogSnapshot.ReadAsync(dataSource, options, cancellationToken).ConfigureAwait(false);
        for (var count = 1; count <= migrations.Count; count++)
        {
            var migration = migrations[count - 1];
            var runner = new MigrationRunner(dataSource, migrations.Take(count).ToArray(), options);
            await runner.RunAsync(cancellationToken).ConfigureAwait(false);
            var applied = await CatalogSnapshot.ReadAsync(dataSource, options, cancellationToken).ConfigureAwait(false);
            if (migration.IsReversible)
            {
                if (await RedoAsync(runner, dataSource, migration, before, applied, options, cancellationToken).ConfigureAwait(false) is { } failure)
                {
                    return new RedoCheckResult(checkedCount, failure);
                }

                checkedCount++;
            }

            before = applied;
        }

        return new RedoCheckResult(checkedCount, null);
    }

    /// <summary>Reverts the newest migration and applies it again; the failure, or null.</summary>
    private static async Task<RedoFailure?> RedoAsync(
        MigrationRunner runner, NpgsqlDataSource dataSource, MigrationDescriptor migration, CatalogSnapshot before, CatalogSnapshot applied,
        MigrationRunnerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RevertAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MigrationException e)
        {
            return new RedoFailure(migration.Id, $"its down failed: {e.Message}", []);
        }

        var reverted = await CatalogSnapshot.ReadAsync(dataSource, options, cancellationToken).ConfigureAwait(false);
        if (before.DifferencesFrom(reverted) is { Count: > 0 } left)
        {
            return new RedoFailure(migration.Id, "its down does not leave the catalog as it was before the migration ('-' is missing after the down, '+' is left over)", left);
        }

        try
        {
            await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MigrationException e)
        {
            return new RedoFailure(migration.Id, $"it fails when applied again after its down: {e.Message}", []);
        }

        var again = await CatalogSnapshot.ReadAsync(dataSource, options, cancellationToken).ConfigureAwait(false);
        return applied.DifferencesFrom(again) is { Count: > 0 } differs
            ? new RedoFailure(migration.Id, "applied again after its down, it does not give the catalog it gave the first time ('-' is missing, '+' is new)", differs)
            : null;
    }
}

/// <summary>What <see cref="RedoCheck"/> found: how many reversible migrations passed, and the first that did not.</summary>
/// <param name="Checked">How many reversible migrations were reverted and applied again with the same catalog.</param>
/// <param name="Failure">The first failure, or null.</param>
public sealed record RedoCheckResult(int Checked, RedoFailure? Failure)
{
    /// <summary>Whether every reversible migration passed.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>Throws <see cref="RedoCheckException"/>, saying which migration and how, unless the check succeeded.</summary>
    public void EnsureSucceeded()
    {
        if (Failure is { } failure)
        {
            throw new RedoCheckException(failure);
        }
    }
}

/// <summary>A reversible migration whose down does not undo it: which one, how, and the catalog's differing lines.</summary>
public sealed record RedoFailure(string MigrationId, string Problem, IReadOnlyList<string> Differences)
{
    /// <summary>The failure as a message: the migration, the problem, and each differing catalog line.</summary>
    public override string ToString()
        => $"Redo check: {MigrationId}: {Problem}." + (Differences.Count == 0 ? "" : "\n" + string.Join('\n', Differences.Select(line => "  " + line)));
}

/// <summary>The redo check failed; the message names the migration, the problem and the catalog lines that differ.</summary>
public sealed class RedoCheckException(RedoFailure failure) : Exception(failure.ToString())
{
    /// <summary>The migration and what went wrong.</summary>
    public RedoFailure Failure { get; } = failure;
}
