using System.ComponentModel;

namespace SchemaGen;

/// <summary>
/// A migration kept as a <c>.sql</c> file: the generated registry embeds the file's text and creates one of these.
/// Its SQL runs through <see cref="MigrationContext.ExecuteAsync"/>: one batch in a transaction, or statement by statement.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SqlMigration : Migration
{
    private readonly string _sql;

    /// <summary>Creates the migration; the generated registry calls this.</summary>
    public SqlMigration(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        _sql = sql;
    }

    /// <summary>The migration's SQL, as the file holds it.</summary>
    internal string Sql => _sql;

    /// <inheritdoc />
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ExecuteAsync(_sql, cancellationToken);
    }
}
