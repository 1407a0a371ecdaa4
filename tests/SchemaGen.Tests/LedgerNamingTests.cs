using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>The ledger's schema and table are options, and any name works because every identifier is quoted.</summary>
public class LedgerNamingTests
{
    [Theory]
    [InlineData("public", "Schema Migrations")]
    [InlineData("My \"Odd\" Schema", "schema_migrations")]
    [InlineData("Ops", "ledger \"v1\"; DROP TABLE t1; --")]
    public async Task Odd_schema_and_table_names_work_twice(string schema, string table)
    {
        await using var db = await TestDatabase.CreateAsync();
        var options = new MigrationRunnerOptions { Schema = schema, TableName = table };

        var first = await new MigrationRunner(db, Tables(2), options).RunAsync();
        var second = await new MigrationRunner(db, Tables(2), options).RunAsync();

        Assert.Equal(2, first.Applied.Count);
        Assert.Empty(second.Applied);
        await using var command = db.CreateCommand("SELECT count(*) FROM pg_tables WHERE schemaname = $1 AND tablename = $2");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = schema });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = table });
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        Assert.NotNull(await db.ScalarAsync<string>("SELECT to_regclass('t1')::text"));
    }

    [Fact]
    public async Task Two_ledgers_in_one_database_are_independent()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new MigrationRunner(db, [Sql(1, "a", "CREATE TABLE a (id int)")], new MigrationRunnerOptions { TableName = "ledger_a" }).RunAsync();

        var report = await new MigrationRunner(db, [Sql(1, "b", "CREATE TABLE b (id int)")], new MigrationRunnerOptions { TableName = "ledger_b", AllowNonEmptyDatabase = true }).RunAsync();

        Assert.Equal(["001_b"], report.Applied.Select(a => a.Migration.Id));
    }
}
