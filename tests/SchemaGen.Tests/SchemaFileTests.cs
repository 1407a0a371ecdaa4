namespace SchemaGen.Tests;

/// <summary>The opt-in schema file, in a real project built with dotnet: written by a target, checked by every build (SG0402).</summary>
public class SchemaFileTests
{
    [Fact]
    public async Task The_target_writes_the_schema_and_a_build_warns_once_a_migration_changes_it()
    {
        using var project = TestProject.Create("System.Console.WriteLine(SchemaGen.Generated.MigrationRegistry.All.Count);", "<SchemaGenSchemaFile>schema.sql</SchemaGenSchemaFile>");
        project.Write("Migrations/0001_customers.sql", "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);\n");

        var missing = await project.DotnetAsync("build");
        var write = await project.DotnetAsync("build", "-t:SchemaGenWriteSchema");
        var written = project.Read("schema.sql");
        var fresh = await project.DotnetAsync("build");
        project.Write("Migrations/0002_orders.sql", "CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint REFERENCES customers, total numeric(10,2) DEFAULT 0);\nCREATE INDEX ON orders (customer_id);\n");
        var stale = await project.DotnetAsync("build");
        await project.DotnetAsync("build", "-t:SchemaGenWriteSchema");

        Assert.Contains("warning SG0402: 'schema.sql' does not show the schema the migrations now build (it does not exist yet)", missing.Output);
        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Equal(
            """
            -- The schema the migrations build, as SchemaGen's compiler reads it from them. Do not edit: it is written by
            -- 'dotnet build -t:SchemaGenWriteSchema', and a build warns (SG0402) when it no longer matches the migrations.

            CREATE TABLE customers (
                id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                email text NOT NULL,
                CONSTRAINT customers_pkey PRIMARY KEY (id),
                CONSTRAINT customers_email_key UNIQUE (email)
            );
            CREATE UNIQUE INDEX customers_email_key ON customers USING btree (email);
            CREATE UNIQUE INDEX customers_pkey ON customers USING btree (id);

            """.Replace("\r\n", "\n"),
            written);
        Assert.DoesNotContain("SG0402", fresh.Output);
        Assert.Contains("warning SG0402: 'schema.sql' does not show the schema the migrations now build (first difference at line ", stale.Output);
        Assert.Contains("CREATE INDEX orders_customer_id_idx ON orders USING btree (customer_id);", project.Read("schema.sql"));
    }
}
