using System.Globalization;

namespace SchemaGen.Hosting;

/// <summary>
/// The mapping file of the import verb: a line per row the default rule does not map, the other tool's version and the
/// migration number (or <c>skip</c> to leave the row out), separated by spaces or a tab. <c>#</c> starts a comment.
/// </summary>
internal static class ImportMappingFile
{
    public static IReadOnlyDictionary<string, int> Parse(IEnumerable<string> lines)
    {
        var mapping = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            var text = line.Split('#', 2)[0].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var fields = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var number = 0;
            if (fields.Length != 2
                || !(fields[1] == "skip" || (int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1)))
            {
                throw new FormatException($"line {lineNumber}: '{text}' is not 'VERSION NUMBER' or 'VERSION skip' (the other tool's version, then a migration number from 1)");
            }

            if (!mapping.TryAdd(fields[0], number))
            {
                throw new FormatException($"line {lineNumber}: version {fields[0]} is mapped twice");
            }
        }

        return mapping;
    }
}
