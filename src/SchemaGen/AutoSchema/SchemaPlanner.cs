using SchemaGen.Schema;

namespace SchemaGen.AutoSchema;

/// <summary>Compares the model with the live schema: what is missing gets planned, what differs gets reported.</summary>
internal static class SchemaPlanner
{
    public static SchemaChanges Plan(SchemaModel model, LiveSchema live)
    {
        var changes = new SchemaChanges(live.CurrentSchema);
        foreach (var schema in model.Tables.Select(t => t.Schema).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (!live.Schemas.Contains(schema))
            {
                changes.SchemasToCreate.Add(schema);
            }
        }

        var missing = new Dictionary<QualifiedName, TableModel>();
        foreach (var table in model.Tables)
        {
            var name = new QualifiedName(table.Schema ?? live.CurrentSchema, table.Name);
            if (!live.Relations.TryGetValue(name, out var relation))
            {
                missing.Add(name, table);
            }
            else if (!relation.IsTable)
            {
                changes.Differences.Add(new SchemaDifference(changes.Display(name), "a table", $"a relation of kind '{relation.Kind}' (view, materialized view or foreign table); left alone"));
                continue;
            }
            else
            {
                CompareColumns(changes, name, table, relation);
            }

            PlanIndexes(changes, live, name, table);
        }

        OrderTableCreations(changes, missing);
        return changes;
    }

    private static void CompareColumns(SchemaChanges changes, QualifiedName name, TableModel table, LiveRelation relation)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            var existing = relation.Find(column.Name);
            if (existing is null)
            {
                changes.ColumnsToAdd.Add(new ColumnAddition(name, column));
                added.Add(column.Name);
            }
            else if (existing.StoreType != column.StoreType || existing.IsNullable != column.IsNullable)
            {
                changes.Differences.Add(new SchemaDifference(
                    $"{changes.Display(name)}.{column.Name}",
                    Describe(column.StoreType, column.IsNullable),
                    Describe(existing.StoreType, existing.IsNullable)));
            }
        }

        foreach (var extra in relation.Columns.Where(c => !table.Columns.Any(m => m.Name == c.Name)))
        {
            changes.Differences.Add(new SchemaDifference(
                $"{changes.Display(name)}.{extra.Name}", "no such column", Describe(extra.StoreType, extra.IsNullable)));
        }

        foreach (var foreignKey in table.ForeignKeys.Where(fk => fk.Columns.Any(added.Contains)))
        {
            changes.ForeignKeysToAdd.Add(new ForeignKeyAddition(name, foreignKey));
        }
    }

    private static void PlanIndexes(SchemaChanges changes, LiveSchema live, QualifiedName table, TableModel model)
    {
        foreach (var index in model.Indexes)
        {
            if (!live.Indexes.TryGetValue(new QualifiedName(table.Schema, index.Name), out var existing))
            {
                changes.IndexesToCreate.Add(new IndexCreation(table, index));
                continue;
            }

            var wanted = new LiveIndex(table.Name, [.. index.Columns], index.IsUnique, index.Method ?? "btree");
            if (existing.Table != wanted.Table || existing.IsUnique != wanted.IsUnique || existing.Method != wanted.Method
                || !existing.Columns.SequenceEqual(wanted.Columns, StringComparer.Ordinal))
            {
                changes.Differences.Add(new SchemaDifference($"index {index.Name}", Describe(wanted), Describe(existing)));
            }
        }
    }

    /// <summary>
    /// Orders the missing tables so that the tables a foreign key references come first (a depth-first walk in model order).
    /// A foreign key that closes a cycle is added after all tables exist instead of inline.
    /// </summary>
    private static void OrderTableCreations(SchemaChanges changes, Dictionary<QualifiedName, TableModel> missing)
    {
        var state = new Dictionary<QualifiedName, bool>();
        foreach (var name in missing.Keys)
        {
            Visit(name);
        }

        void Visit(QualifiedName name)
        {
            if (state.ContainsKey(name))
            {
                return;
            }

            state[name] = false;
            var table = missing[name];
            var inline = new List<ForeignKeyModel>(table.ForeignKeys.Count);
            foreach (var foreignKey in table.ForeignKeys)
            {
                var principal = QualifiedName.PrincipalOf(foreignKey, changes.CurrentSchema);
                if (principal != name && missing.ContainsKey(principal))
                {
                    if (state.TryGetValue(principal, out var done) && !done)
                    {
                        changes.ForeignKeysToAdd.Add(new ForeignKeyAddition(name, foreignKey));
                        continue;
                    }

                    Visit(principal);
                }

                inline.Add(foreignKey);
            }

            state[name] = true;
            changes.TablesToCreate.Add(new TableCreation(name, table, inline));
        }
    }

    private static string Describe(string storeType, bool isNullable) => storeType + (isNullable ? " NULL" : " NOT NULL");

    private static string Describe(LiveIndex index)
        => $"{(index.IsUnique ? "UNIQUE " : "")}{index.Method} on {index.Table} ({string.Join(", ", index.Columns)})";
}
