namespace SchemaGen.Corpus;

/// <summary>The prepared corpus's generated registry (empty until prepare-lemmy.sh has filled Migrations/).</summary>
public static class Corpus
{
    public static IReadOnlyList<MigrationDescriptor> Migrations => SchemaGen.Generated.MigrationRegistry.All;
}
