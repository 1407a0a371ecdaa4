using System.ComponentModel;

namespace SchemaGen;

/// <summary>
/// A migration kept as a <c>.sql</c> file (and its <c>.down.sql</c>, if it has one): the generated registry embeds the files'
/// text and creates one of these. Its SQL runs through <see cref="MigrationContext.ExecuteAsync"/>: one batch in a
/// transaction, or statement by statement.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SqlMigration : Migration
{
    /// <summary>Creates the migration; the generated registry calls this.</summary>
    public SqlMigration(string sql)
        : this(sql, downSql: null)
    {
    }

    /// <summary>Creates a migration with its down; the generated registry calls this.</summary>
    public SqlMigration(string sql, string? downSql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        Sql = sql;
        DownSql = downSql;
    }

    /// <summary>The migration's SQL, as the file holds it.</summary>
    internal string Sql { get; }

    /// <summary>The SQL of its <c>.down.sql</c> file, or null.</summary>
    internal string? DownSql { get; }

    /// <inheritdoc />
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ExecuteAsync(Sql, cancellationToken);
    }

    /// <inheritdoc />
    public override Task DownAsync(MigrationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DownSql is null ? base.DownAsync(context, cancellationToken) : context.ExecuteAsync(DownSql, cancellationToken);
    }
}
