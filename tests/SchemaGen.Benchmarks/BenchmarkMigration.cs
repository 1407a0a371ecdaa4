using Npgsql;

namespace SchemaGen.Benchmarks;

/// <summary>Small migrations built by hand, the same statements the raw-Npgsql baseline runs.</summary>
internal static class BenchmarkMigration
{
    public static string Statement(int number) => $"CREATE TABLE t{number} (id int PRIMARY KEY, name text)";

    public static MigrationDescriptor[] Create(int count)
        => Enumerable.Range(1, count).Select(n => Step(n, (context, ct) => context.ExecuteAsync(Statement(n), ct))).ToArray();

    /// <summary>The first <paramref name="count"/> migrations as the generator would hand them over: checked, with their digest.</summary>
    public static MigrationList Generated(int count)
    {
        var migrations = Create(count);
        return new MigrationList(migrations, SchemaGen.Ledger.LedgerDigest.Of(migrations).Hex);
    }

    /// <summary>Migration <paramref name="number"/> (<c>step_{number}</c>), running <paramref name="body"/>.</summary>
    public static MigrationDescriptor Step(int number, Func<MigrationContext, CancellationToken, Task> body)
        => new(number, $"step_{number}", $"Step {number}", true, $"sha256:{number:x64}", () => new Delegated(body));

    /// <summary>The baseline: the same statements through raw Npgsql on one connection, a transaction each.</summary>
    public static async Task ApplyRawAsync(NpgsqlDataSource dataSource, int count)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var n = 1; n <= count; n++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(Statement(n), connection, transaction);
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }

    private sealed class Delegated(Func<MigrationContext, CancellationToken, Task> body) : Migration
    {
        public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => body(context, cancellationToken);
    }
}
