namespace SchemaGen.Benchmarks;

/// <summary>Small migrations built by hand, the same statements the raw-Npgsql baseline runs.</summary>
internal static class BenchmarkMigration
{
    public static string Statement(int number) => $"CREATE TABLE t{number} (id int PRIMARY KEY, name text)";

    public static MigrationDescriptor[] Create(int count)
        => Enumerable.Range(1, count).Select(n => Step(n, (context, ct) => context.ExecuteAsync(Statement(n), ct))).ToArray();

    /// <summary>Migration <paramref name="number"/> (<c>step_{number}</c>), running <paramref name="body"/>.</summary>
    public static MigrationDescriptor Step(int number, Func<MigrationContext, CancellationToken, Task> body)
        => new(number, $"step_{number}", $"Step {number}", true, $"sha256:{number:x64}", () => new Delegated(body));

    private sealed class Delegated(Func<MigrationContext, CancellationToken, Task> body) : Migration
    {
        public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => body(context, cancellationToken);
    }
}
