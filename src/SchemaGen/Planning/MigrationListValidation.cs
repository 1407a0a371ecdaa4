namespace SchemaGen.Planning;

/// <summary>Checks a migration list handed to the runner: the generated registry always passes; a hand-made list may not.</summary>
internal static class MigrationListValidation
{
    public static void EnsureValid(IReadOnlyList<MigrationDescriptor> migrations)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < migrations.Count; i++)
        {
            var migration = migrations[i] ?? throw new ArgumentException($"Migration list entry {i} is null.", nameof(migrations));
            if (i > 0 && migration.Number <= migrations[i - 1].Number)
            {
                throw new ArgumentException(
                    $"Migrations must be ordered by number without repeats; {migration.Id} follows {migrations[i - 1].Id}. Pass SchemaGen.Generated.MigrationRegistry.All.",
                    nameof(migrations));
            }

            if (!names.Add(migration.Name))
            {
                throw new ArgumentException($"Two migrations are named '{migration.Name}'; names must be unique.", nameof(migrations));
            }
        }
    }
}
