namespace SchemaGen.Hosting;

/// <summary>
/// The <c>tenants</c> verb's target list: a line per target, <c>name&lt;TAB&gt;connection string</c> for a database per
/// tenant, with <c>&lt;TAB&gt;schema</c> after it for a schema per tenant. Empty lines and lines starting with <c>#</c> are skipped.
/// </summary>
public static class MigrationTargetFile
{
    /// <summary>Reads the targets.</summary>
    /// <exception cref="FormatException">A line is not <c>name&lt;TAB&gt;connection string[&lt;TAB&gt;schema]</c>; the message names it.</exception>
    public static IReadOnlyList<MigrationTarget> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var targets = new List<MigrationTarget>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length is < 2 or > 3 || fields.Any(field => field.Trim().Length == 0))
            {
                throw new FormatException(
                    $"Line {number} of the target list is not 'name<TAB>connection string', with '<TAB>schema' after it for a schema per tenant: {Shown(line)}");
            }

            targets.Add(new MigrationTarget(fields[0].Trim(), fields[1].Trim(), fields.Length == 3 ? fields[2].Trim() : null));
        }

        return targets;
    }

    /// <summary>The line without its connection string's password, if one shows.</summary>
    private static string Shown(string line)
    {
        var password = line.IndexOf("Password=", StringComparison.OrdinalIgnoreCase);
        return password < 0 ? line : line[..password] + "Password=…";
    }
}
