namespace SchemaGen.Hosting;

/// <summary>
/// One database to migrate among many: a database per tenant (its own connection string), or a schema per tenant (a
/// <paramref name="Schema"/> holding the tenant's tables and its own ledger, set first on the search_path).
/// </summary>
/// <param name="Name">How the report names it (a tenant id).</param>
/// <param name="ConnectionString">The database's connection string.</param>
/// <param name="Schema">For a schema per tenant: the tenant's schema; null for a database per tenant.</param>
public sealed record MigrationTarget(string Name, string ConnectionString, string? Schema = null);
