using SchemaGen.Hosting;

return await MigrationCommands.RunAuthoringAsync(args, new MigrationCommandSettings { AppName = "schemagen" });
