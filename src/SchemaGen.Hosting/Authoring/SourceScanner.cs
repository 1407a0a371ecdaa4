using System.Globalization;
using System.Text.RegularExpressions;

namespace SchemaGen.Hosting.Authoring;

/// <summary>
/// Finds a project's migrations in its files, with no build: <c>[Migration(N, "name")]</c> attributes in its C# files and
/// <c>N_name.sql</c> files in its migrations folder, as the generator numbers them. Text, not a compiler: a commented-out
/// attribute on a line of its own is skipped, and one built from constants is not seen (the build still checks it).
/// </summary>
internal static partial class SourceScanner
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };

    public static List<SourceMigration> Scan(MigrationProject project)
    {
        var migrations = new List<SourceMigration>();
        foreach (var file in Files(project.Directory, "*.cs"))
        {
            migrations.AddRange(ReadClasses(file, File.ReadAllText(file)));
        }

        if (Directory.Exists(project.MigrationsFolder))
        {
            foreach (var file in Files(project.MigrationsFolder, "*.sql"))
            {
                var match = SqlFileName().Match(Path.GetFileName(file));
                if (match.Success && int.TryParse(match.Groups["number"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    migrations.Add(new SourceMigration(number, match.Groups["name"].Value, file, IsSql: true, 0, match.Groups["number"].Length, Class: null));
                }
            }
        }

        migrations.Sort((left, right) => left.Number != right.Number
            ? left.Number.CompareTo(right.Number)
            : string.CompareOrdinal(left.Path, right.Path) is var byPath and not 0 ? byPath : left.NumberStart.CompareTo(right.NumberStart));
        return migrations;
    }

    /// <summary>The migration classes of one C# file.</summary>
    public static IEnumerable<SourceMigration> ReadClasses(string path, string text)
    {
        var namespaceMatch = NamespaceDeclaration().Match(text);
        foreach (Match attribute in MigrationAttribute().Matches(text))
        {
            if (IsCommentedOut(text, attribute.Index)
                || !int.TryParse(attribute.Groups["number"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            var declaration = ClassDeclaration().Match(text, attribute.Index + attribute.Length);
            var type = declaration.Success
                ? new SourceClass(
                    declaration.Groups["name"].Value,
                    namespaceMatch.Success ? namespaceMatch.Groups["name"].Value : null,
                    namespaceMatch.Success && namespaceMatch.Groups["end"].Value == ";",
                    declaration.Groups["access"].Success ? declaration.Groups["access"].Value : "public")
                : null;
            var digits = attribute.Groups["number"];
            yield return new SourceMigration(number, attribute.Groups["name"].Value, path, IsSql: false, digits.Index, digits.Length, type);
        }
    }

    private static bool IsCommentedOut(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return text.AsSpan(lineStart, index - lineStart).TrimStart().StartsWith("//", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Files(string directory, string pattern)
    {
        var pending = new Stack<string>([directory]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(current, pattern).Order(StringComparer.Ordinal))
            {
                yield return file;
            }

            foreach (var child in Directory.EnumerateDirectories(current))
            {
                var name = Path.GetFileName(child);
                if (!SkippedFolders.Contains(name) && !name.StartsWith('.'))
                {
                    pending.Push(child);
                }
            }
        }
    }

    [GeneratedRegex("""[\[,]\s*(?:global::)?(?:SchemaGen\.)?Migration(?:Attribute)?\s*\(\s*(?<number>\d+)\s*,\s*(?:name\s*:\s*)?"(?<name>[^"\\]*)"\s*[,)]""")]
    private static partial Regex MigrationAttribute();

    [GeneratedRegex(@"\G[^{;]*?(?:(?<access>public|internal)\s+)?(?:(?:sealed|partial|abstract|static|file)\s+)*class\s+(?<name>\w+)")]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"^\s*namespace\s+(?<name>[\w.]+)\s*(?<end>[;{]?)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^(?<number>\d+)_(?<name>[^.]+)\.sql$")]
    private static partial Regex SqlFileName();
}
