using Npgsql;
using SchemaGen.Testing;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>SchemaGen.Testing against a real server: one template per set of migrations, a clone per test, and the redo check.</summary>
public class MigratedDatabasesTests
{
    private static async Task<MigratedDatabasesOptions> OptionsAsync()
        => new() { ConnectionString = (await TestDatabase.ServerAsync()).ConnectionString, DatabasePrefix = "sg_" + Guid.NewGuid().ToString("N")[..8] };

    [Fact]
    public async Task Clones_are_migrated_their_tests_own_made_in_parallel_and_dropped_when_disposed()
    {
        var options = await OptionsAsync();
        await using var databases = await MigratedDatabases.StartAsync(Tables(3), options);

        var clones = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => databases.CreateAsync()));
        var verified = await Task.WhenAll(clones.Select(clone => new MigrationRunner(clone.DataSource, Tables(3)).VerifyAsync()));
        await using (var write = clones[0].DataSource.CreateCommand("INSERT INTO t1 VALUES (1)"))
        {
            await write.ExecuteNonQueryAsync();
        }

        var others = await Task.WhenAll(clones.Skip(1).Select(clone => clone.DataSource.ScalarAsync<long>("SELECT count(*) FROM t1")));
        foreach (var clone in clones)
        {
            await clone.DisposeAsync();
        }

        Assert.Equal(16, clones.Select(clone => clone.Name).Distinct().Count());
        Assert.All(verified, verification => Assert.Equal(DatabaseState.UpToDate, verification.State));
        Assert.All(others, count => Assert.Equal(0L, count));
        Assert.Equal([databases.TemplateName], await DatabasesAsync(options.DatabasePrefix));
    }

    [Fact]
    public async Task The_template_is_made_once_per_set_of_migrations_and_kept_for_the_next_run()
    {
        var options = await OptionsAsync();
        var server = options.ConnectionString!;
        await using var first = await MigratedDatabases.StartAsync(Tables(2), options);
        var oid = await TemplateOidAsync(server, first.TemplateName);

        // Another process, or a later run: the process's own cache does not know the template, the server does.
        await TemplateDatabase.EnsureAsync(server, first.TemplateName, Tables(2), new MigrationRunnerOptions(), CancellationToken.None);
        await using var changed = await MigratedDatabases.StartAsync(Tables(3), options);

        Assert.Equal(oid, await TemplateOidAsync(server, first.TemplateName));
        Assert.NotEqual(first.TemplateName, changed.TemplateName);
        Assert.Equal(TemplateDatabase.NameFor(Tables(2), new MigrationRunnerOptions(), options.DatabasePrefix), first.TemplateName);
    }

    [Fact]
    public async Task Processes_starting_together_make_the_template_once_and_one_killed_half_way_leaves_nothing_to_mistake_for_it()
    {
        var options = await OptionsAsync();
        var server = options.ConnectionString!;
        var name = TemplateDatabase.NameFor(Tables(4), new MigrationRunnerOptions(), options.DatabasePrefix);
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            // What a process killed while migrating leaves: the template under its building name, half migrated.
            await admin.ExecuteAsync($"CREATE DATABASE \"{name}_building\"");
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => TemplateDatabase.EnsureAsync(server, name, Tables(4), new MigrationRunnerOptions(), CancellationToken.None))));

        Assert.Equal([name], await DatabasesAsync(options.DatabasePrefix));
        await using var databases = await MigratedDatabases.StartAsync(Tables(4), options);
        await using var clone = await databases.CreateAsync();
        Assert.Equal(4L, await clone.DataSource.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task The_redo_check_passes_downs_that_undo_their_migration_and_names_the_one_that_does_not()
    {
        var options = await OptionsAsync();
        MigrationDescriptor[] good =
        [
            Reversible(1, "users", "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL DEFAULT '')", "DROP TABLE users"),
            Sql(2, "audit", "CREATE TABLE audit (id bigint)"),
            Reversible(3, "users_email", "CREATE UNIQUE INDEX users_email ON users (email); CREATE TYPE mood AS ENUM ('ok')", "DROP INDEX users_email; DROP TYPE mood"),
        ];
        MigrationDescriptor[] leavesASequence = [good[0], good[1], Reversible(3, "counter", "CREATE SEQUENCE counter; ALTER TABLE audit ADD COLUMN n int", "ALTER TABLE audit DROP COLUMN n")];
        MigrationDescriptor[] failingDown = [good[0], Reversible(2, "audit", "CREATE TABLE audit (id bigint)", "DROP TABLE audit_log")];

        await using var databases = await MigratedDatabases.StartAsync(good, options);
        var passed = await databases.CheckRedoAsync();
        await using var leaky = await MigratedDatabases.StartAsync(leavesASequence, options);
        var leaked = await leaky.CheckRedoAsync();
        await using var failing = await MigratedDatabases.StartAsync(failingDown, options);
        var failed = await failing.CheckRedoAsync();

        Assert.Equal((true, 2), (passed.Succeeded, passed.Checked));
        Assert.Equal("003_counter", leaked.Failure!.MigrationId);
        Assert.Equal(["+ relation public.counter (S)"], leaked.Failure.Differences);
        var error = Assert.Throws<RedoCheckException>(leaked.EnsureSucceeded);
        Assert.StartsWith("Redo check: 003_counter: its down does not leave the catalog as it was before the migration", error.Message);
        Assert.Equal("002_audit", failed.Failure!.MigrationId);
        Assert.StartsWith("its down failed: Reverting migration 002_audit failed: table \"audit_log\" does not exist", failed.Failure.Problem);
        Assert.Equal(1, failed.Checked);
    }

    private static async Task<List<string>> DatabasesAsync(string prefix)
    {
        await using var admin = NpgsqlDataSource.Create((await TestDatabase.ServerAsync()).ConnectionString);
        return await admin.ListAsync($"SELECT datname::text FROM pg_database WHERE datname LIKE '{prefix}%' ORDER BY 1");
    }

    private static async Task<long> TemplateOidAsync(string server, string name)
    {
        await using var admin = NpgsqlDataSource.Create(server);
        return await admin.ScalarAsync<long>($"SELECT oid::bigint FROM pg_database WHERE datname = '{name}' AND datistemplate");
    }
}
