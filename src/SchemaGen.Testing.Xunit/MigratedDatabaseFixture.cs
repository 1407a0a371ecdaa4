namespace SchemaGen.Testing;

/// <summary>
/// An xUnit fixture (v2, or v3 in SchemaGen.Testing.Xunit.V3, compiled from this file): the template is migrated (or found) once, and each test takes its own database from it. Derive one
/// for your migrations and share it as a class or collection fixture:
/// <code>
/// public sealed class Databases() : MigratedDatabaseFixture(MigrationRegistry.All);
///
/// public sealed class OrderTests(Databases databases) : IClassFixture&lt;Databases&gt;
/// {
///     [Fact]
///     public async Task An_order_is_stored()
///     {
///         await using var db = await databases.CreateDatabaseAsync();
///         …
///     }
/// }
/// </code>
/// </summary>
public abstract class MigratedDatabaseFixture(IReadOnlyList<MigrationDescriptor> migrations, MigratedDatabasesOptions? options = null) : global::Xunit.IAsyncLifetime
{
    private MigratedDatabases? _databases;

    /// <summary>The template and its server; set once xUnit has initialized the fixture.</summary>
    public MigratedDatabases Databases => _databases ?? throw new InvalidOperationException("The fixture is not initialized yet: xUnit initializes it before the tests that use it.");

    /// <summary>A new migrated database, the test's alone; dispose it to drop it.</summary>
    public Task<MigratedDatabase> CreateDatabaseAsync() => Databases.CreateAsync();

    /// <summary>Fails, naming the migration and the catalog lines that differ, unless every down undoes its migration (<see cref="RedoCheck"/>).</summary>
    public async Task AssertRedoAsync() => (await Databases.CheckRedoAsync().ConfigureAwait(false)).EnsureSucceeded();

#if XUNIT_V3
    async ValueTask global::Xunit.IAsyncLifetime.InitializeAsync() => _databases = await MigratedDatabases.StartAsync(migrations, options).ConfigureAwait(false);

    async ValueTask IAsyncDisposable.DisposeAsync()
#else
    async Task global::Xunit.IAsyncLifetime.InitializeAsync() => _databases = await MigratedDatabases.StartAsync(migrations, options).ConfigureAwait(false);

    async Task global::Xunit.IAsyncLifetime.DisposeAsync()
#endif
    {
        if (_databases is not null)
        {
            await _databases.DisposeAsync().ConfigureAwait(false);
        }
    }
}
