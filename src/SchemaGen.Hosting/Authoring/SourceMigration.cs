namespace SchemaGen.Hosting.Authoring;

/// <summary>
/// A migration as its source declares it: a <c>.sql</c> file named <c>0004_add_orders.sql</c>, or a class with
/// <c>[Migration(4, "add_orders")]</c>, whose number stands at <see cref="NumberStart"/> in <see cref="Path"/>.
/// </summary>
internal sealed record SourceMigration(int Number, string Name, string Path, bool IsSql, int NumberStart, int NumberLength, SourceClass? Class)
{
    public string Id => MigrationDescriptor.IdOf(Number, Name);
}

/// <summary>What a C# migration's file shows of its class, for a new migration to match: namespace, its style, and access.</summary>
internal sealed record SourceClass(string Name, string? Namespace, bool FileScopedNamespace, string Access);
