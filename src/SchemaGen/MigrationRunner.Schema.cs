using SchemaGen.Applying;
using SchemaGen.Drift;

namespace SchemaGen;

/// <summary>The runner's schema check: the live catalog against the schema the migrations build.</summary>
public sealed partial class MigrationRunner
{
    /// <summary>
    /// Compares the database's tables, columns (type, NOT NULL, default, identity), constraints, indexes, views, sequences and enum
    /// types with the schema the compiler read from the migrations (<see cref="MigrationList.ExpectedSchema"/>), and reports each
    /// difference by name: a hand edit in production, a migration applied elsewhere, a failed partial change. Objects the compiler
    /// could not follow (a <c>DO</c> block, SQL decided at run time) are not compared. Changes nothing, takes no lock.
    /// Meaningful once the database is up to date (<see cref="VerifyAsync"/>): a pending migration is a difference too.
    /// </summary>
    /// <exception cref="InvalidOperationException">The runner was built over a list of migrations that is not the generated registry.</exception>
    public async Task<SchemaVerification> VerifySchemaAsync(CancellationToken cancellationToken = default)
    {
        var expected = (_migrations as MigrationList)?.ExpectedSchema
            ?? throw new InvalidOperationException(
                "The schema check needs the schema the compiler read from the migrations, which only the generated registry carries: build the runner over MigrationRegistry.All.");
        var (connection, live) = await ConnectionOpener.OpenAsync(
            _dataSource, _options, _logger, open => LiveCatalog.ReadAsync(open, expected.Schemas, cancellationToken), cancellationToken).ConfigureAwait(false);
        await using var _ = connection.ConfigureAwait(false);
        return SchemaComparer.Compare(expected, live, IsLedger);
    }

    /// <summary>The ledger's table, its head table and its id sequence, which no migration makes.</summary>
    private bool IsLedger(string schema, string name)
        => schema == _options.Schema && (name == _options.TableName || name == _options.TableName + "_head" || name == _options.TableName + "_id_seq");
}
