using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Emit;
using SchemaGen.Generator.ModelDrift;
using SchemaGen.Generator.Sort;
using SchemaGen.SqlParsing.Schema;

namespace SchemaGen.Generator
{
    /// <summary>
    /// The generator's steps that hold the <c>[Table]</c> models against the schema the migrations build: the differences,
    /// the migration that closes them, SG0208 on each, and that migration's lines while the <c>SchemaGenWriteModelMigration</c>
    /// target builds (what <c>new --from-model</c> writes).
    /// </summary>
    internal static class ModelDriftPipeline
    {
        public static void Register(
            IncrementalGeneratorInitializationContext context,
            IncrementalValueProvider<SchemaSnapshot> schema,
            IncrementalValueProvider<EquatableArray<MigrationInfo>> sorted,
            IncrementalValueProvider<EquatableArray<TableInfo>> sortedTables,
            IncrementalValueProvider<EquatableArray<TableSites>> tableSites,
            IncrementalValueProvider<EquatableArray<FrozenAutoSchema>> frozen)
        {
            var differences = schema
                .Combine(sortedTables)
                .Combine(frozen)
                .Select(static (input, _) => ModelComparer.Compare(input.Left.Left, input.Left.Right, input.Right))
                .WithTrackingName(TrackingNames.ModelDifferences);

            var draftFiles = sorted
                .Select(static (all, _) => EquatableArray.From(all
                    .Where(migration => migration.HoldsDraft)
                    .Select(migration => new DraftFile(migration.ClassName, migration.Sql!))));

            var draft = differences
                .Combine(sortedTables)
                .Combine(draftFiles)
                .Select(static (input, _) => ModelMigrationWriter.Write(input.Left.Left, input.Left.Right, input.Right))
                .WithTrackingName(TrackingNames.ModelMigration);

            var migrationsFolder = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) =>
                    options.GlobalOptions.TryGetValue(WellKnownNames.ProjectDirectoryProperty, out var project) && !string.IsNullOrWhiteSpace(project)
                    && options.GlobalOptions.TryGetValue(WellKnownNames.MigrationsFolderProperty, out var folder) && !string.IsNullOrWhiteSpace(folder)
                        ? Path.GetFullPath(Path.Combine(project, folder))
                        : null);

            var slot = sorted
                .Combine(migrationsFolder)
                .Select(static (input, _) => Slot(input.Left, input.Right));

            var autoSchemaMigrations = sorted
                .Select(static (all, _) => EquatableArray.From(all
                    .Where(migration => AutoSchemaFreezing.CallsAutoSchema(migration.Effect) && migration.AttributeLocation is not null)
                    .Select(migration => new NamedLocation(MigrationId.Format(migration.Number, migration.Name), migration.AttributeLocation!.Value))));

            var diagnostics = differences
                .Combine(draft)
                .Combine(tableSites)
                .Combine(autoSchemaMigrations)
                .Combine(slot)
                .Select(static (input, _) => ModelDiagnostics.Create(input.Left.Left.Left.Left, input.Left.Left.Left.Right, input.Left.Left.Right, input.Left.Right, input.Right))
                .WithTrackingName(TrackingNames.ModelDiagnostics);

            context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (output, input) =>
                DiagnosticReporter.Report(output, input.Right, input.Left));

            var writing = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => WellKnownNames.IsSet(options, WellKnownNames.WritingModelMigrationProperty))
                .WithTrackingName(TrackingNames.WritingModelMigration);

            context.RegisterSourceOutput(draft.Combine(slot).Combine(writing), static (output, input) => DiagnosticReporter.Guard(output, "writing the model's migration", () =>
            {
                if (input.Right)
                {
                    output.AddSource(WellKnownNames.ModelMigrationHintName, ModelMigrationEmitter.Emit(input.Left.Left, input.Left.Right));
                }
            }));
        }

        private static MigrationSlot Slot(EquatableArray<MigrationInfo> migrations, string? migrationsFolder)
        {
            var numbered = migrations.Where(migration => !migration.Repeatable).ToList();
            var next = numbered.Count == 0 ? 1 : numbered.Max(migration => migration.Number) + 1;
            var newestSql = numbered.LastOrDefault(migration => migration.Sql is not null);
            var width = newestSql is null ? 4 : newestSql.ClassName.TakeWhile(char.IsDigit).Count();
            var folder = newestSql?.AttributeLocation is { FilePath: { Length: > 0 } path } ? Path.GetDirectoryName(path) : migrationsFolder;
            return new MigrationSlot(next, width, folder);
        }
    }
}
