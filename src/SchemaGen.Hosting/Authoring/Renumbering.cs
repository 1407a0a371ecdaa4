using System.Text;

namespace SchemaGen.Hosting.Authoring;

/// <summary>
/// After a merge: the migrations the lock file does not record as released move past the released ones, in their order,
/// numbered on from the highest released one (which also closes gaps among them). A SQL file is renamed; a C# class gets the
/// new number in its attribute, and its file is renamed when the name starts with the old number.
/// </summary>
internal static class Renumbering
{
    /// <summary>One migration moved: its old and new number and path.</summary>
    public sealed record Move(SourceMigration From, int Number, string Path)
    {
        public string Id => MigrationDescriptor.IdOf(Number, From.Name);
    }

    public static List<Move> Plan(MigrationProject project)
    {
        var released = ReleasedMigrations.Read(project);
        var migrations = SourceScanner.Scan(project);
        foreach (var migration in migrations)
        {
            if (released.TryGetValue(migration.Number, out var releasedName) && releasedName != migration.Name
                && !migrations.Any(other => other.Number == migration.Number && other.Name == releasedName))
            {
                throw new AuthoringException(
                    $"Migration {migration.Number} is '{migration.Name}' in {project.Relative(migration.Path)}, but the lock file records it released as '{releasedName}': " +
                    "a released migration was renamed (SG0103). Give it back its name before renumbering, so it is not taken for a new one.");
            }
        }

        var next = released.Count == 0 ? 1 : released.Keys.Max() + 1;
        var moves = new List<Move>();
        foreach (var migration in migrations.Where(migration => !(released.TryGetValue(migration.Number, out var name) && name == migration.Name)))
        {
            var number = next++;
            if (number != migration.Number)
            {
                moves.Add(new Move(migration, number, NewPath(migration, number)));
            }
        }

        return moves;
    }

    public static void Apply(IReadOnlyList<Move> moves)
    {
        foreach (var file in moves.Where(move => !move.From.IsSql).GroupBy(move => move.From.Path))
        {
            // From the last attribute to the first, so each edit leaves the earlier positions where they were.
            var text = new StringBuilder(File.ReadAllText(file.Key));
            foreach (var move in file.OrderByDescending(move => move.From.NumberStart))
            {
                text.Remove(move.From.NumberStart, move.From.NumberLength).Insert(move.From.NumberStart, move.Number);
            }

            File.WriteAllText(file.Key, text.ToString());
        }

        foreach (var move in moves.Where(move => move.Path != move.From.Path).DistinctBy(move => move.From.Path))
        {
            File.Move(move.From.Path, move.Path);
        }
    }

    /// <summary>A SQL file's new name; a C# file's when its name starts with the old number (<c>005_AddOrders.cs</c>), else its own.</summary>
    private static string NewPath(SourceMigration migration, int number)
    {
        var fileName = Path.GetFileName(migration.Path);
        var digits = fileName.TakeWhile(char.IsAsciiDigit).Count();
        if (digits == 0 || digits >= fileName.Length || fileName[digits] != '_'
            || !int.TryParse(fileName.AsSpan(0, digits), out var fileNumber) || fileNumber != migration.Number)
        {
            return migration.Path;
        }

        return Path.Combine(Path.GetDirectoryName(migration.Path)!, NewMigration.Padded(number, digits) + fileName[digits..]);
    }
}
