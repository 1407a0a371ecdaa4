namespace SchemaGen.Tests;

/// <summary>Hand-built registries for runtime tests, their SQL migrations as the generator builds them (a <see cref="SchemaGen.SqlMigration"/> and its checksum) (the generator's own output is tested in the generator tests and the sample).</summary>
internal static class TestMigrations
{
    public static MigrationDescriptor Sql(int number, string name, string sql, bool transactional = true, string? checksum = null)
        => new(number, name, $"Run {name}", transactional, checksum ?? SqlParsing.SqlChecksum.Compute(sql, transactional),
            () => new SchemaGen.SqlMigration(sql));

    /// <summary>A SQL migration with a <c>.down.sql</c>, as the generator builds one.</summary>
    public static MigrationDescriptor Reversible(int number, string name, string sql, string down, bool transactional = true, bool? downTransactional = null)
        => new(number, name, $"Run {name}", transactional, SqlParsing.SqlChecksum.Compute(sql, transactional),
            () => new SchemaGen.SqlMigration(sql, down), constantSql: null, reversible: true, downTransactional: downTransactional ?? transactional);

    public static MigrationDescriptor Custom(int number, string name, Func<MigrationContext, CancellationToken, Task> up, bool transactional = true)
        => new(number, name, $"Run {name}", transactional, $"sha256:{number:x64}", () => new DelegateMigration(up));

    /// <summary>A C# migration passing one constant to ExecuteAsync, with the compile-time SQL the generator gives such a class.</summary>
    public static MigrationDescriptor Constant(int number, string name, string sql, string? description = null)
        => new(number, name, description ?? $"Run {name}", true, $"sha256:{number:x64}", () => new DelegateMigration((context, ct) => context.ExecuteAsync(sql, ct)), sql + ";\n");

    /// <summary>A repeatable migration kept as an <c>R_name.sql</c> file, as the generator builds one.</summary>
    public static MigrationDescriptor Repeatable(string name, string sql)
        => MigrationDescriptor.Repeatable(name, $"Refresh {name}", SqlParsing.SqlChecksum.Compute(sql, transactional: true), () => new SchemaGen.SqlMigration(sql));

    /// <summary>A registry of numbered and repeatable migrations, as the generator hands it over.</summary>
    public static MigrationList WithRepeatables(MigrationDescriptor[] migrations, params MigrationDescriptor[] repeatables)
        => new(migrations, digest: null, repeatables);

    /// <summary>Migrations 1..count, each creating table t{n}.</summary>
    public static MigrationDescriptor[] Tables(int count)
        => Enumerable.Range(1, count).Select(n => Sql(n, $"table_{n}", $"CREATE TABLE t{n} (id int)")).ToArray();

    private sealed class DelegateMigration(Func<MigrationContext, CancellationToken, Task> up) : Migration
    {
        public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => up(context, cancellationToken);
    }
}
