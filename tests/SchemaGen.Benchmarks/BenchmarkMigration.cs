namespace SchemaGen.Benchmarks;

/// <summary>Small migrations built by hand, the same statements the raw-Npgsql baseline runs.</summary>
internal static class BenchmarkMigration
{
    public static string Statement(int number) => $"CREATE TABLE t{number} (id int PRIMARY KEY, name text)";

    public static MigrationDescriptor[] Create(int count)
        => Enumerable.Range(1, count)
            .Select(n => new MigrationDescriptor(n, $"step_{n}", $"Step {n}", true, $"sha256:{n:x64}", () => new Sql(Statement(n))))
            .ToArray();

    private sealed class Sql(string statement) : Migration
    {
        public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => context.ExecuteAsync(statement, cancellationToken);
    }
}
