using System.Globalization;
using System.Text;
using SchemaGen.Generator.Validate;

namespace SchemaGen.Hosting.Authoring;

/// <summary>
/// Writes the next-numbered migration into a project, in the style of the ones it has: a <c>.sql</c> file with its header, or
/// a C# class in the namespace, folder and file naming of the newest C# migration.
/// </summary>
internal static class NewMigration
{
    /// <summary>What <c>new</c> wrote.</summary>
    public sealed record Created(SourceMigration Migration, string Path);

    /// <param name="project">The project.</param>
    /// <param name="requestedName">The name as typed: snake_case, or PascalCase and words, which become snake_case.</param>
    /// <param name="sql">True for a SQL file, false for a C# class, null for the kind of the newest migration (SQL when there is none).</param>
    /// <param name="description">The description; null for the name in words.</param>
    public static Created Write(MigrationProject project, string requestedName, bool? sql, string? description)
    {
        var name = MigrationNameRules.ToSnakeCase(requestedName);
        if (MigrationNameRules.FindProblem(name) is { } problem)
        {
            throw new AuthoringException($"'{requestedName}' cannot be a migration name: {problem}.");
        }

        var existing = SourceScanner.Scan(project);
        if (existing.FirstOrDefault(migration => migration.Name == name) is { } taken)
        {
            throw new AuthoringException($"A migration is already named '{name}': {taken.Id} in {project.Relative(taken.Path)}. Choose another name.");
        }

        var number = existing.Count == 0 ? 1 : existing.Max(migration => migration.Number) + 1;
        var newest = existing.Count == 0 ? null : existing[^1];
        description ??= Words(name);
        return sql ?? newest?.IsSql ?? true
            ? WriteSql(project, existing, number, name, description)
            : WriteClass(project, existing, number, name, description);
    }

    private static Created WriteSql(MigrationProject project, List<SourceMigration> existing, int number, string name, string description)
    {
        var width = existing.LastOrDefault(migration => migration.IsSql)?.NumberLength ?? 4;
        var path = Path.Combine(project.MigrationsFolder, $"{Padded(number, width)}_{name}.sql");
        var text = $"""
            -- description: {description.ReplaceLineEndings(" ")}
            -- Runs in one transaction with its ledger row; add a line '-- transactional: false' above for CREATE INDEX CONCURRENTLY and its kind.

            -- Write the migration's SQL here.

            """;
        WriteNew(project, path, text);
        return new Created(new SourceMigration(number, name, path, IsSql: true, 0, width, Class: null), path);
    }

    private static Created WriteClass(MigrationProject project, List<SourceMigration> existing, int number, string name, string description)
    {
        var model = existing.LastOrDefault(migration => migration is { IsSql: false, Class: not null });
        var className = ClassName(name);
        var folder = model is null ? project.MigrationsFolder : Path.GetDirectoryName(model.Path)!;
        var numberedFiles = model is not null && char.IsAsciiDigit(Path.GetFileName(model.Path)[0]);
        var fileName = numberedFiles
            ? $"{Padded(number, Path.GetFileName(model!.Path).TakeWhile(char.IsAsciiDigit).Count())}_{className}.cs"
            : $"{className}.cs";
        var path = Path.Combine(folder, fileName);
        var type = new SourceClass(
            className,
            model?.Class?.Namespace ?? NamespaceFor(project, folder),
            model?.Class?.FileScopedNamespace ?? true,
            model?.Class?.Access ?? "public");
        var text = ClassText(number, name, description, type).ReplaceLineEndings("\n");
        WriteNew(project, path, text);
        return new Created(SourceScanner.ReadClasses(path, text).Single(), path);
    }

    private static string ClassText(int number, string name, string description, SourceClass type)
    {
        var literal = "\"" + description.ReplaceLineEndings(" ").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        var body = $$""""
            [Migration({{number.ToString(CultureInfo.InvariantCulture)}}, "{{name}}", Description = {{literal}})]
            {{type.Access}} sealed class {{type.Name}} : Migration
            {
                public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                    => context.ExecuteAsync("""
                        -- Write the migration's SQL here.
                        """, cancellationToken);
            }
            """";
        var text = new StringBuilder("using System.Threading;\nusing System.Threading.Tasks;\nusing SchemaGen;\n\n");
        if (type.Namespace is null)
        {
            return text.Append(body).Append('\n').ToString();
        }

        if (type.FileScopedNamespace)
        {
            return text.Append("namespace ").Append(type.Namespace).Append(";\n\n").Append(body).Append('\n').ToString();
        }

        text.Append("namespace ").Append(type.Namespace).Append("\n{\n");
        foreach (var line in body.Split('\n'))
        {
            text.Append(line.Length == 0 ? "" : "    " + line).Append('\n');
        }

        return text.Append("}\n").ToString();
    }

    private static void WriteNew(MigrationProject project, string path, string text)
    {
        if (File.Exists(path))
        {
            throw new AuthoringException($"{project.Relative(path)} exists already; nothing was written.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The project's default namespace, then each folder below the project's own: <c>App.Migrations</c>.</summary>
    private static string NamespaceFor(MigrationProject project, string folder)
    {
        var relative = Path.GetRelativePath(project.Directory, folder);
        var parts = relative == "." ? [] : relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return string.Join('.', parts.Where(part => part.Length > 0).Select(part => part.Replace(' ', '_').Replace('-', '_')).Prepend(project.DefaultNamespace));
    }

    /// <summary><c>add_orders</c> → <c>AddOrders</c>.</summary>
    private static string ClassName(string name)
        => string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    /// <summary><c>add_orders</c> → <c>Add orders</c>.</summary>
    private static string Words(string name)
    {
        var words = name.Replace('_', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Padded(int number, int width) => number.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
}
