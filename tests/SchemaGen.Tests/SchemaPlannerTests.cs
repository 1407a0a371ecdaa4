using SchemaGen.AutoSchema;
using SchemaGen.Schema;

namespace SchemaGen.Tests;

/// <summary>The auto-schema planner alone, table-driven and without a database: what it creates, in which order, and what it leaves alone.</summary>
public class SchemaPlannerTests
{
    private static readonly ColumnModel Id = new("id", "bigint", false, null, ColumnGeneration.Identity);

    public static TheoryData<string, string, string> Cases => new()
    {
        // case, live database (see Live), expected plan (see Describe)
        { "an empty database", "", "create schema app | create table public.users | create table public.orders (fk inline) | create table app.notes | index ix_orders_user" },
        { "everything there", "schema app | public.users: id bigint not null | public.orders: id bigint not null, user_id bigint null | app.notes: id bigint not null | index public.ix_orders_user on orders(user_id)", "" },
        { "a missing column and index", "schema app | public.users: id bigint not null | public.orders: id bigint not null | app.notes: id bigint not null", "add column public.orders.user_id | add fk public.orders -> users | index ix_orders_user" },
        { "a view where a table is", "schema app | public.users: id bigint not null | v public.orders: id bigint not null, user_id bigint null | app.notes: id bigint not null", "differs: orders: model a table, database a relation of kind 'v' (view, materialized view or foreign table); left alone" },
        { "a type and nullability drift", "schema app | public.users: id integer null | public.orders: id bigint not null, user_id bigint null | app.notes: id bigint not null | index public.ix_orders_user on orders(user_id)", "differs: users.id: model bigint NOT NULL, database integer NULL" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plans(string what, string live, string expected)
        => Assert.True(Describe(SchemaPlanner.Plan(Model(), Live(live))) == expected, $"{what}: {Describe(SchemaPlanner.Plan(Model(), Live(live)))}");

    /// <summary>users; orders referencing users with an index; app.notes.</summary>
    private static SchemaModel Model() => new([
        new TableModel(null, "users", [Id], ["id"], [], []),
        new TableModel(null, "orders", [Id, new ColumnModel("user_id", "bigint", true)], ["id"], [new ForeignKeyModel(["user_id"], null, "users", ["id"])], [new IndexModel("ix_orders_user", ["user_id"])]),
        new TableModel("app", "notes", [Id], ["id"], [], []),
    ]);

    /// <summary>"schema s | [v ]schema.table: col type [not ]null, … | index schema.name on table(cols)", parts separated by " | ".</summary>
    private static LiveSchema Live(string text)
    {
        var schemas = new HashSet<string>(StringComparer.Ordinal) { "public" };
        var relations = new Dictionary<QualifiedName, LiveRelation>();
        var indexes = new Dictionary<QualifiedName, LiveIndex>();
        foreach (var part in text.Split(" | ", StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("schema ", StringComparison.Ordinal))
            {
                schemas.Add(part["schema ".Length..]);
            }
            else if (part.StartsWith("index ", StringComparison.Ordinal))
            {
                var words = part.Split(' ');
                var name = words[1].Split('.');
                var on = words[3];
                indexes.Add(new QualifiedName(name[0], name[1]), new LiveIndex(on[..on.IndexOf('(')], [.. on[(on.IndexOf('(') + 1)..^1].Split(',')], false, "btree"));
            }
            else
            {
                var kind = part.StartsWith("v ", StringComparison.Ordinal) ? 'v' : 'r';
                var definition = kind == 'v' ? part[2..] : part;
                var table = definition[..definition.IndexOf(':')].Split('.');
                var relation = new LiveRelation(kind);
                foreach (var column in definition[(definition.IndexOf(':') + 2)..].Split(", "))
                {
                    var words = column.Split(' ');
                    relation.Columns.Add(new LiveColumn(words[0], words[1], words[2] == "null"));
                }

                relations.Add(new QualifiedName(table[0], table[1]), relation);
            }
        }

        return new LiveSchema("public", schemas, relations, indexes);
    }

    private static string Describe(SchemaChanges changes)
        => string.Join(" | ",
            changes.SchemasToCreate.Select(s => $"create schema {s}")
                .Concat(changes.TablesToCreate.Select(t => $"create table {t.Name.Schema}.{t.Name.Name}{(t.InlineForeignKeys.Count > 0 ? " (fk inline)" : "")}"))
                .Concat(changes.ColumnsToAdd.Select(c => $"add column {c.Table.Schema}.{c.Table.Name}.{c.Column.Name}"))
                .Concat(changes.ForeignKeysToAdd.Select(f => $"add fk {f.Table.Schema}.{f.Table.Name} -> {f.ForeignKey.PrincipalTable}"))
                .Concat(changes.IndexesToCreate.Select(i => $"index {i.Index.Name}"))
                .Concat(changes.Differences.Select(d => $"differs: {d}")));
}
