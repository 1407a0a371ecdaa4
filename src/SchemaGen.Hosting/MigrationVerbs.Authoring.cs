using System.CommandLine;

namespace SchemaGen.Hosting;

/// <summary>The verbs that write migrations into the project: they read and edit its files, with no database and no build.</summary>
internal sealed partial class MigrationVerbs
{
    private readonly Option<string> _project = new("--project", "-p")
    {
        Description = "The app's project file, or its folder; default the current folder",
    };

    private Command New()
    {
        var name = new Argument<string>("name")
        {
            Description = "The migration's name: snake_case (add_orders), or words and PascalCase, which become snake_case (none with --from-model)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var fromModel = new Option<bool>("--from-model")
        {
            Description = "Builds the project and writes the .sql migration that brings the schema in line with the [Table] models (SG0208's fix); writes nothing when they match",
        };
        var sql = new Option<bool>("--sql") { Description = "A .sql file in the migrations folder (the default when the newest migration is one, or there is none)" };
        var cs = new Option<bool>("--cs") { Description = "A C# class beside the newest C# migration, in its namespace" };
        var description = new Option<string>("--description", "-d") { Description = "The description the ledger records; default the name in words" };
        var command = Verb(
            "new",
            "Writes the next-numbered migration into the project (a .sql file or a C# class, in the style of the existing ones); refuses a name already used",
            (parse, _) => Task.FromResult(WithProject(parse, project =>
            {
                if (parse.GetValue(fromModel))
                {
                    return NewFromModel(parse, project);
                }

                if (parse.GetValue(name) is null)
                {
                    return Fail(parse, "give the migration's name (new add_orders), or --from-model.", migration: null);
                }

                if (parse.GetValue(sql) && parse.GetValue(cs))
                {
                    return Fail(parse, "give --sql or --cs, not both.", migration: null);
                }

                bool? kind = parse.GetValue(sql) ? true : parse.GetValue(cs) ? false : null;
                var created = Authoring.NewMigration.Write(project, parse.GetValue(name)!, kind, parse.GetValue(description));
                settings.Output.WriteLine($"Created {project.Relative(created.Path)}: migration {created.Migration.Number}, {created.Migration.Id}.");
                return 0;
            })));
        command.Arguments.Add(name);
        command.Options.Add(sql);
        command.Options.Add(cs);
        command.Options.Add(description);
        command.Options.Add(fromModel);
        command.Options.Add(_project);
        return command;
    }

    private int NewFromModel(ParseResult parse, Authoring.MigrationProject project)
    {
        if (parse.GetValue<string>("name") is not null)
        {
            return Fail(parse, "--from-model names the migration itself; give no name.", migration: null);
        }

        if (Authoring.ModelMigration.Write(project) is not { } written)
        {
            settings.Output.WriteLine("Nothing to write: the [Table] models match the schema the migrations build, or what differs waits in a draft to confirm (SG0010).");
            return 0;
        }

        settings.Output.WriteLine($"Created {project.Relative(written)} from the [Table] models. Review it (and any '-- schemagen-draft:' part, SG0010) before it is released.");
        return 0;
    }

    private Command Renumber()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would move; change nothing" };
        var command = Verb(
            "renumber",
            "After a merge: moves the migrations the lock file does not record as released past the released ones, in order (files and attributes), and prints what moved",
            (parse, _) => Task.FromResult(WithProject(parse, project =>
            {
                var moves = Authoring.Renumbering.Plan(project);
                if (moves.Count == 0)
                {
                    settings.Output.WriteLine($"Nothing to renumber: the migrations {project.Relative(project.LockFile)} does not record already follow the released ones, in order.");
                    return 0;
                }

                if (!parse.GetValue(dryRun))
                {
                    Authoring.Renumbering.Apply(moves);
                }

                foreach (var move in moves)
                {
                    var where = move.Path == move.From.Path
                        ? $"{project.Relative(move.Path)}: [Migration({move.Number}, …)]"
                        : $"{project.Relative(move.From.Path)} → {project.Relative(move.Path)}";
                    settings.Output.WriteLine($"{move.From.Id} → {move.Id}  ({where})");
                }

                settings.Output.WriteLine(parse.GetValue(dryRun)
                    ? $"Dry run: {moves.Count} migration(s) would move. Nothing was changed."
                    : $"Moved {moves.Count} migration(s). A database that applied one of them under its old number reports it renamed: recreate your development database.");
                return 0;
            })));
        command.Options.Add(dryRun);
        command.Options.Add(_project);
        return command;
    }
}
