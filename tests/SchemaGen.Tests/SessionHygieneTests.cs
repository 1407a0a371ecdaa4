using Npgsql;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>A migration's session settings never reach the next one: a fresh database and a step-by-step one end up alike.</summary>
public class SessionHygieneTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Settings_made_by_one_migration_do_not_leak_into_the_next(bool transactional)
    {
        var role = $"hygiene_{Guid.NewGuid():N}";
        await using (var admin = NpgsqlDataSource.Create((await TestDatabase.ServerAsync()).ConnectionString))
        {
            await admin.ExecuteAsync($"CREATE ROLE {role} NOLOGIN");
        }

        var seen = new List<string>();
        MigrationDescriptor[] Migrations() =>
        [
            Sql(1, "settings", $"""
                CREATE SCHEMA elsewhere;
                GRANT ALL ON SCHEMA elsewhere TO {role};
                SET search_path = elsewhere;
                SET statement_timeout = '250ms';
                SET ROLE {role};
                SET default_transaction_read_only = on
                """, transactional),
            Custom(2, "widgets", async (context, ct) =>
            {
                await using var command = context.CreateCommand(
                    "SELECT current_user || ' ' || current_setting('search_path') || ' ' || current_setting('statement_timeout') || ' ' || current_setting('default_transaction_read_only')");
                seen.Add((string)(await command.ExecuteScalarAsync(ct))!);
                await context.ExecuteAsync("CREATE TABLE widgets (id int); SELECT pg_sleep(0.3)", ct);
            }),
        ];

        await using var fresh = await TestDatabase.CreateAsync();
        await new MigrationRunner(fresh, Migrations()).RunAsync();

        await using var stepByStep = await TestDatabase.CreateAsync();
        await new MigrationRunner(stepByStep, Migrations()[..1]).RunAsync();
        await new MigrationRunner(stepByStep, Migrations()).RunAsync();

        Assert.Equal(2, seen.Count);
        Assert.Equal(seen[1], seen[0]);
        Assert.EndsWith("\"$user\", public 0 off", seen[0]);
        Assert.Equal("public", await fresh.ScalarAsync<string>("SELECT schemaname::text FROM pg_tables WHERE tablename = 'widgets'"));
        Assert.Equal("public", await stepByStep.ScalarAsync<string>("SELECT schemaname::text FROM pg_tables WHERE tablename = 'widgets'"));
        Assert.Equal(
            await fresh.ScalarAsync<string>("SELECT string_agg(migration_name || ':' || applied_by, ',' ORDER BY number) FROM schema_migrations"),
            await stepByStep.ScalarAsync<string>("SELECT string_agg(migration_name || ':' || applied_by, ',' ORDER BY number) FROM schema_migrations"));
    }
}
