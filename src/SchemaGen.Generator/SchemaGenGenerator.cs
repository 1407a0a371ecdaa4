using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Emit;
using SchemaGen.Generator.LockFile;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Parse;
using SchemaGen.Generator.Parse.SqlFiles;
using SchemaGen.Generator.Parse.SchemaModel;
using SchemaGen.Generator.Sort;
using SchemaGen.Generator.Validate;

namespace SchemaGen.Generator
{
    /// <summary>
    /// SchemaGen's one generator, with two independent pipelines: migrations (<c>[Migration]</c> classes and <c>.sql</c>
    /// files: numbering checked as a whole, the static registry, the lock file's lines when recording) and the schema model
    /// (<c>[Table]</c> classes: the static model auto-schema works from); and, joining them, the schema the migrations build
    /// (<see cref="SchemaModelPipeline"/>).
    /// Pipeline: parse each class to an equatable model → collect and sort → validate and emit.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SchemaGenGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var migrations = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    WellKnownNames.MigrationAttribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    MigrationParser.Parse)
                .Where(static migration => migration is not null)
                .Select(static (migration, _) => migration!)
                .WithTrackingName(TrackingNames.Migrations);

            var sqlFiles = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(static pair => SqlMigrationFiles.IsMigration(pair.Right.GetOptions(pair.Left)))
                .Select(static (pair, cancellationToken) => SqlMigrationParser.Parse(pair.Left, cancellationToken))
                .WithTrackingName(TrackingNames.SqlMigrationFiles);

            var sqlMigrations = sqlFiles
                .Where(static file => file.Model is { Repeatable: false })
                .Select(static (file, _) => file.Model!)
                .WithTrackingName(TrackingNames.SqlMigrations);

            var repeatableClasses = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    WellKnownNames.RepeatableMigrationAttribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    MigrationParser.Parse)
                .Where(static migration => migration is not null)
                .Select(static (migration, _) => migration!)
                .WithTrackingName(TrackingNames.RepeatableMigrations);

            var sqlRepeatables = sqlFiles
                .Where(static file => file.Model is { Repeatable: true })
                .Select(static (file, _) => file.Model!)
                .WithTrackingName(TrackingNames.SqlRepeatables);

            var sortedRepeatables = repeatableClasses
                .Collect()
                .Combine(sqlRepeatables.Collect())
                .Select(static (all, _) => MigrationOrder.SortRepeatables(all.Left, all.Right))
                .WithTrackingName(TrackingNames.SortedRepeatables);

            var repeatableRegistry = sortedRepeatables
                .Select(static (all, _) => MigrationOrder.ToRegistry(all))
                .WithTrackingName(TrackingNames.RepeatableRegistry);

            var repeatableDiagnostics = sortedRepeatables
                .Select(static (all, _) => RegistryValidator.ValidateRepeatables(all))
                .WithTrackingName(TrackingNames.RepeatableDiagnostics);

            var sqlDowns = sqlFiles
                .Where(static file => file.Down is not null)
                .Select(static (file, _) => file.Down!)
                .WithTrackingName(TrackingNames.SqlDowns);

            var everyMigration = migrations
                .Collect()
                .Combine(sqlMigrations.Collect())
                .Combine(sqlDowns.Collect());

            var sorted = everyMigration
                .Select(static (all, _) => MigrationOrder.Sort(all.Left.Left, DownPairing.Attach(all.Left.Right, all.Right)))
                .WithTrackingName(TrackingNames.SortedMigrations);

            var downDiagnostics = everyMigration
                .Select(static (all, _) => DownPairing.Problems(all.Left.Left, all.Left.Right, all.Right))
                .WithTrackingName(TrackingNames.DownDiagnostics);

            var registry = sorted
                .Select(static (all, _) => MigrationOrder.ToRegistry(all))
                .WithTrackingName(TrackingNames.Registry);

            var lockFile = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(static pair => LockFileLocator.IsLockFile(pair.Left, pair.Right.GetOptions(pair.Left)))
                .Select(static (pair, cancellationToken) => pair.Left.GetText(cancellationToken) is { } text ? LockFileLocator.Read(text.ToString()) : LockFileFacts.None)
                .Collect()
                .Select(static (files, _) => files.IsEmpty ? LockFileFacts.None : files[0]);

            var released = lockFile
                .Select(static (facts, _) => facts.ReleasedIds)
                .WithTrackingName(TrackingNames.ReleasedMigrations);

            var frozen = lockFile
                .Select(static (facts, _) => facts.Frozen)
                .WithTrackingName(TrackingNames.FrozenAutoSchema);

            var diagnostics = sorted
                .Combine(released)
                .Select(static (input, _) => RegistryValidator.Validate(input.Left, input.Right))
                .WithTrackingName(TrackingNames.RegistryDiagnostics);

            var runtimeReferenced = context.CompilationProvider
                .Select(static (compilation, _) => compilation.GetTypeByMetadataName(WellKnownNames.MigrationDescriptor) is not null)
                .WithTrackingName(TrackingNames.RuntimeReferenced);

            context.RegisterSourceOutput(registry.Combine(repeatableRegistry).Combine(runtimeReferenced), static (output, input) => DiagnosticReporter.Guard(output, "writing the migration registry", () =>
            {
                if (input.Right)
                {
                    output.AddSource(WellKnownNames.RegistryHintName, RegistryEmitter.EmitHead(input.Left.Left, input.Left.Right));
                }
            }));

            var registryChunks = registry
                .SelectMany(static (all, _) => RegistryEmitter.Split(all))
                .WithTrackingName(TrackingNames.RegistryChunks);

            context.RegisterSourceOutput(registryChunks.Combine(runtimeReferenced), static (output, input) => DiagnosticReporter.Guard(output, "writing the migration registry", () =>
            {
                if (input.Right)
                {
                    output.AddSource(RegistryEmitter.HintName(input.Left), RegistryEmitter.EmitChunk(input.Left));
                }
            }));

            var recording = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => WellKnownNames.IsSet(options, WellKnownNames.RecordingProperty))
                .WithTrackingName(TrackingNames.Recording);


            var tableReads = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    WellKnownNames.TableAttribute,
                    static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                    TableReader.Parse)
                .Where(static read => read is not null)
                .Select(static (read, _) => read!);

            var tables = tableReads
                .Select(static (read, _) => read.Table)
                .WithTrackingName(TrackingNames.Tables);

            var tableSites = tableReads
                .Select(static (read, _) => read.Sites)
                .Collect()
                .Select(static (sites, _) => EquatableArray.From(sites))
                .WithTrackingName(TrackingNames.TableSites);

            var sortedTables = tables
                .Collect()
                .Select(static (all, _) => TableOrder.Sort(all))
                .WithTrackingName(TrackingNames.SortedTables);

            var schemaSupported = context.CompilationProvider
                .Select(static (compilation, _) => compilation.GetTypeByMetadataName(WellKnownNames.SchemaModel) is not null)
                .WithTrackingName(TrackingNames.SchemaSupported);

            context.RegisterSourceOutput(sortedTables.Combine(frozen).Combine(schemaSupported), static (output, input) => DiagnosticReporter.Guard(output, "writing the schema model", () =>
            {
                if (input.Right)
                {
                    output.AddSource(WellKnownNames.SchemaHintName, SchemaModelEmitter.Emit(input.Left.Left, input.Left.Right));
                }
            }));

            context.RegisterSourceOutput(registry.Combine(sorted).Combine(sortedTables).Combine(frozen).Combine(recording), static (output, input) => DiagnosticReporter.Guard(output, "writing the lock file contents", () =>
            {
                if (input.Right)
                {
                    var ((((entries, migrations), tables), frozenModels), _) = input;
                    output.AddSource(WellKnownNames.LockFileHintName, LockFileEmitter.Emit(entries, AutoSchemaFreezing.ForRecording(migrations, tables, frozenModels)));
                }
            }));

            var schema = SchemaModelPipeline.Register(context, sorted, sortedRepeatables, sortedTables, frozen, runtimeReferenced);
            ModelDriftPipeline.Register(context, schema, sorted, sortedTables, tableSites, frozen);

            context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (output, input) =>
                DiagnosticReporter.Report(output, input.Right, input.Left));

            context.RegisterSourceOutput(downDiagnostics.Combine(context.CompilationProvider), static (output, input) =>
                DiagnosticReporter.Report(output, input.Right, input.Left));

            context.RegisterSourceOutput(repeatableDiagnostics.Combine(context.CompilationProvider), static (output, input) =>
                DiagnosticReporter.Report(output, input.Right, input.Left));

            var sqlFileDiagnostics = sqlFiles
                .Select(static (file, _) => file.Diagnostics)
                .WithTrackingName(TrackingNames.SqlMigrationDiagnostics);

            context.RegisterSourceOutput(sqlFileDiagnostics.Combine(context.CompilationProvider), static (output, input) =>
                DiagnosticReporter.Report(output, input.Right, input.Left));
        }
    }
}
