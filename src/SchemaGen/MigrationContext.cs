using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaGen.Applying;
using SchemaGen.AutoSchema;
using SchemaGen.Logging;
using SchemaGen.Schema;

namespace SchemaGen;

/// <summary>
/// What a running migration works with: its connection and (for transactional migrations) transaction,
/// log helpers prefixed with its id, and counters that end up in the run's report.
/// </summary>
public sealed class MigrationContext
{
    private readonly ILogger _logger;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction? _transaction;
    private MigrationStats _observed;
    private MigrationStats? _reported;

    internal MigrationContext(
        MigrationDescriptor migration, NpgsqlConnection connection, NpgsqlTransaction? transaction, TransactionPrelude? prelude, int commandTimeoutSeconds, ILogger logger)
    {
        Migration = migration;
        _connection = connection;
        _transaction = transaction;
        Prelude = prelude;
        CommandTimeoutSeconds = commandTimeoutSeconds;
        _logger = logger;
    }

    /// <summary>The migration being applied.</summary>
    public MigrationDescriptor Migration { get; }

    /// <summary>The open connection the migration runs on. SQL sent through it is not counted: <see cref="Stats"/> become unknown unless the migration calls <see cref="Count"/>.</summary>
    public NpgsqlConnection Connection
    {
        get
        {
            SendPrelude();
            _observed = MigrationStats.Unknown;
            return _connection;
        }
    }

    /// <summary>The transaction the migration and its ledger row share; null for <c>Transactional = false</c> migrations.</summary>
    public NpgsqlTransaction? Transaction
    {
        get
        {
            SendPrelude();
            _observed = MigrationStats.Unknown;
            return _transaction;
        }
    }

    /// <summary>
    /// What the migration created so far, reported per migration and summed over the run: what it reported through
    /// <see cref="Count"/> if it called it; else what SchemaGen counted in the SQL of <see cref="ExecuteAsync"/> and auto-schema
    /// (tables, added columns, indexes), or <see cref="MigrationStats.Unknown"/> once it reached <see cref="Connection"/>.
    /// </summary>
    public MigrationStats Stats => _reported ?? _observed;

    /// <summary>The timeout of the migration's commands, from <see cref="MigrationRunnerOptions.CommandTimeout"/>; 0 is none.</summary>
    internal int CommandTimeoutSeconds { get; }

    /// <summary>What the transaction runs before the migration, until it is sent; null without a transaction.</summary>
    internal TransactionPrelude? Prelude { get; }

    /// <summary>The connection, for SchemaGen's own use: reaching it does not send the prelude.</summary>
    internal NpgsqlConnection RawConnection => _connection;

    /// <summary>The transaction, for SchemaGen's own use: reaching it does not send the prelude.</summary>
    internal NpgsqlTransaction? RawTransaction => _transaction;

    /// <summary>The statement that failed in the last <see cref="ExecuteAsync"/>, for the failure's message.</summary>
    internal FailedStatement? LastFailure { get; set; }

    /// <summary>
    /// Executes SQL of one or more statements separated by semicolons and returns the rows affected. In a transactional
    /// migration they run as one batch; statements that would end its transaction (<c>COMMIT</c>, <c>ROLLBACK</c>, <c>END</c>…)
    /// are refused before anything runs. Without a transaction each statement runs on its own, so
    /// <c>CREATE INDEX CONCURRENTLY</c> may follow other statements. A failure names the statement and its line.
    /// </summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return SqlExecutor.ExecuteAsync(this, sql, cancellationToken);
    }

    /// <summary>
    /// Creates a command on the migration's connection and transaction, for parameterised SQL, with the migration's timeout.
    /// SchemaGen does not count what it creates (see <see cref="Stats"/>).
    /// </summary>
    public NpgsqlCommand CreateCommand(string sql) => new(sql, Connection, Transaction) { CommandTimeout = CommandTimeoutSeconds };

    /// <summary>
    /// Creates what the model has and the database lacks: schemas, tables (with keys and foreign keys, referenced tables first),
    /// columns and indexes. Never drops, renames or alters; differences are logged as warnings and returned.
    /// The counts are added to this migration's <see cref="Stats"/>. Projects with <c>[Table]</c> models call the generated
    /// <c>context.AutoSchemaAsync()</c>, which passes this assembly's model.
    /// </summary>
    /// <exception cref="MigrationException">A NOT NULL column without a default would be added to a table that has rows; nothing was created.</exception>
    public Task<AutoSchemaResult> AutoSchemaAsync(SchemaModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return AutoSchemaAfterPreludeAsync(model, cancellationToken);
    }

    private async Task<AutoSchemaResult> AutoSchemaAfterPreludeAsync(SchemaModel model, CancellationToken cancellationToken)
    {
        if (Prelude is not null)
        {
            await Prelude.SendAsync(_connection, _transaction!, cancellationToken).ConfigureAwait(false);
        }

        return await AutoSchemaRun.RunAsync(this, _logger, model, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the prelude before the migration's own code can reach the connection.</summary>
    private void SendPrelude()
    {
        if (Prelude is { Sent: false })
        {
            Prelude.Send(_connection, _transaction!);
        }
    }

    /// <summary>Adds to the counts reported for this migration; once called, they replace what SchemaGen counted itself.</summary>
    public void Count(int tablesCreated = 0, int columnsAdded = 0, int indexesCreated = 0)
        => _reported = (_reported ?? default) + new MigrationStats(tablesCreated, columnsAdded, indexesCreated);

    /// <summary>Adds what a statement SchemaGen ran for the migration created.</summary>
    internal void Observe(MigrationStats created) => _observed += created;

    /// <summary>A command for SchemaGen's own reads on the migration's connection and transaction; it counts as nothing created.</summary>
    internal NpgsqlCommand CreateOwnCommand(string sql) => new(sql, _connection, _transaction) { CommandTimeout = CommandTimeoutSeconds };

    /// <summary>Logs at Information level, prefixed with the migration id.</summary>
    public void LogInformation(string message) => MigrationLog.MigrationMessage(_logger, LogLevel.Information, Migration.Id, message);

    /// <summary>Logs at Debug level, prefixed with the migration id.</summary>
    public void LogDebug(string message) => MigrationLog.MigrationMessage(_logger, LogLevel.Debug, Migration.Id, message);

    /// <summary>Logs at Warning level, prefixed with the migration id.</summary>
    public void LogWarning(string message) => MigrationLog.MigrationMessage(_logger, LogLevel.Warning, Migration.Id, message);

    /// <summary>Logs at Error level, prefixed with the migration id.</summary>
    public void LogError(string message) => MigrationLog.MigrationMessage(_logger, LogLevel.Error, Migration.Id, message);
}
