using Microsoft.Extensions.Logging;
using SchemaGen.Logging;
using SchemaGen.Schema;

namespace SchemaGen.AutoSchema;

/// <summary>
/// One auto-schema pass inside a migration: read the live schema, plan, refuse what cannot be done safely,
/// then create schemas, tables, columns, foreign keys and indexes in that order, logging each step.
/// </summary>
internal static class AutoSchemaRun
{
    public static async Task<AutoSchemaResult> RunAsync(MigrationContext context, ILogger logger, SchemaModel model, CancellationToken cancellationToken)
    {
        var id = context.Migration.Id;
        var live = await LiveSchemaReader.ReadAsync(context.RawConnection, context.RawTransaction, SchemasOf(model), cancellationToken).ConfigureAwait(false);
        var changes = SchemaPlanner.Plan(model, live);

        foreach (var difference in changes.Differences)
        {
            AutoSchemaLog.Difference(logger, id, difference.Subject, difference.Model, difference.Database);
        }

        await RefuseUnfillableColumnsAsync(context, changes, cancellationToken).ConfigureAwait(false);

        foreach (var schema in changes.SchemasToCreate)
        {
            AutoSchemaLog.CreatingSchema(logger, id, schema);
            await context.ExecuteAsync(SchemaDdl.CreateSchema(schema), cancellationToken).ConfigureAwait(false);
        }

        foreach (var creation in changes.TablesToCreate)
        {
            var table = changes.Display(creation.Name);
            AutoSchemaLog.CreatingTable(logger, id, table);
            await context.ExecuteAsync(SchemaDdl.CreateTable(creation, changes.CurrentSchema), cancellationToken).ConfigureAwait(false);
            AutoSchemaLog.TableCreated(logger, id, table);
        }

        foreach (var addition in changes.ColumnsToAdd)
        {
            var table = changes.Display(addition.Table);
            AutoSchemaLog.AddingColumn(logger, id, table, addition.Column.Name);
            await context.ExecuteAsync(SchemaDdl.AddColumn(addition), cancellationToken).ConfigureAwait(false);
            AutoSchemaLog.ColumnAdded(logger, id, table, addition.Column.Name);
        }

        foreach (var addition in changes.ForeignKeysToAdd)
        {
            var principal = QualifiedName.PrincipalOf(addition.ForeignKey, changes.CurrentSchema);
            AutoSchemaLog.AddingForeignKey(logger, id, changes.Display(addition.Table), string.Join(", ", addition.ForeignKey.Columns), changes.Display(principal));
            await context.ExecuteAsync(SchemaDdl.AddForeignKey(addition, changes.CurrentSchema), cancellationToken).ConfigureAwait(false);
        }

        foreach (var creation in changes.IndexesToCreate)
        {
            AutoSchemaLog.CreatingIndex(logger, id, creation.Index.Name, changes.Display(creation.Table));
            await context.ExecuteAsync(SchemaDdl.CreateIndex(creation), cancellationToken).ConfigureAwait(false);
            AutoSchemaLog.IndexCreated(logger, id, creation.Index.Name);
        }

        if (changes.IsEmpty)
        {
            AutoSchemaLog.NothingToCreate(logger, id, model.Tables.Count);
        }

        // What it created is counted as its DDL runs through ExecuteAsync.
        return new AutoSchemaResult(changes.TablesToCreate.Count, changes.ColumnsToAdd.Count, changes.IndexesToCreate.Count, changes.Differences);
    }

    private static string[] SchemasOf(SchemaModel model)
        => model.Tables
            .SelectMany(table => table.ForeignKeys.Select(fk => fk.PrincipalSchema).Prepend(table.Schema))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// A NOT NULL column without a default cannot be added to a table that has rows. Checked for all such columns
    /// before anything is created, so the migration fails whole, naming every column and what to do.
    /// </summary>
    private static async Task RefuseUnfillableColumnsAsync(MigrationContext context, SchemaChanges changes, CancellationToken cancellationToken)
    {
        var unfillable = changes.ColumnsToAdd
            .Where(a => !a.Column.IsNullable && a.Column.DefaultSql is null && a.Column.Generation == ColumnGeneration.None)
            .ToList();
        var refused = new List<string>();
        foreach (var table in unfillable.Select(a => a.Table).Distinct())
        {
            await using var command = context.CreateOwnCommand(SchemaDdl.HasRows(table));
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                refused.AddRange(unfillable.Where(a => a.Table == table).Select(a => $"{changes.Display(table)}.{a.Column.Name} ({a.Column.StoreType} NOT NULL)"));
            }
        }

        if (refused.Count > 0)
        {
            throw new MigrationException(
                $"Auto-schema cannot add {string.Join(", ", refused)}: the table already has rows and the column has no default, so PostgreSQL has nothing to fill it with. "
                + "Nothing was created. Give the property [DefaultValueSql(...)], make it nullable, or add and backfill the column in a hand-written migration first.",
                context.Migration.Id);
        }
    }
}
