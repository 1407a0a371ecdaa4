using SchemaGen.Generated;
using SchemaGen.Testing;

namespace AuditLog.Tests;

/// <summary>The audit log's migrations, applied once to a template; each test clones its own database from it.</summary>
public sealed class AuditLogDatabases() : MigratedDatabaseFixture(MigrationRegistry.All);
