using Microsoft.CodeAnalysis;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Emit;
using SchemaGen.Generator.Validate;
using SchemaGen.SqlParsing.Schema;

namespace SchemaGen.Generator
{
    /// <summary>
    /// The generator's steps for the schema the migrations build: the replay into a model, the expected schema embedded in parts,
    /// the schema file's check (SG0402) and its lines while the <c>SchemaGenWriteSchema</c> target builds, and SG0401.
    /// </summary>
    internal static class SchemaModelPipeline
    {
        /// <returns>The schema after the last migration.</returns>
        public static IncrementalValueProvider<SchemaSnapshot> Register(
            IncrementalGeneratorInitializationContext context,
            IncrementalValueProvider<EquatableArray<MigrationInfo>> sorted,
            IncrementalValueProvider<EquatableArray<MigrationInfo>> sortedRepeatables,
            IncrementalValueProvider<EquatableArray<TableInfo>> sortedTables,
            IncrementalValueProvider<EquatableArray<FrozenAutoSchema>> frozen,
            IncrementalValueProvider<bool> runtimeReferenced)
        {
            var expectedSchema = sorted
                .Combine(sortedRepeatables)
                .Combine(sortedTables)
                .Combine(frozen)
                .Select(static (input, _) => SchemaReplay.Run(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right).Snapshot())
                .WithTrackingName(TrackingNames.ExpectedSchema);

            var expectedSchemaChunks = expectedSchema
                .SelectMany(static (schema, _) => ExpectedSchemaEmitter.Split(schema))
                .WithTrackingName(TrackingNames.ExpectedSchemaChunks);

            context.RegisterSourceOutput(expectedSchemaChunks.Combine(runtimeReferenced), static (output, input) => DiagnosticReporter.Guard(output, "writing the expected schema", () =>
            {
                if (input.Right)
                {
                    output.AddSource(ExpectedSchemaEmitter.ChunkHintName(input.Left), ExpectedSchemaEmitter.EmitChunk(input.Left));
                }
            }));

            var expectedSchemaChunkCount = expectedSchemaChunks
                .Collect()
                .Select(static (chunks, _) => chunks.Length)
                .WithTrackingName(TrackingNames.ExpectedSchemaChunkCount);

            context.RegisterSourceOutput(expectedSchemaChunkCount.Combine(runtimeReferenced), static (output, input) => DiagnosticReporter.Guard(output, "writing the expected schema", () =>
            {
                if (input.Right)
                {
                    output.AddSource(ExpectedSchemaEmitter.HintName, ExpectedSchemaEmitter.EmitHead(input.Left));
                }
            }));

            var schemaFileTexts = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(static pair => pair.Right.GetOptions(pair.Left).TryGetValue(WellKnownNames.SchemaFileMetadata, out var flag) && flag == "true")
                .Select(static (pair, cancellationToken) => new SchemaFileText(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString()))
                .Collect();

            var schemaFile = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => options.GlobalOptions.TryGetValue(WellKnownNames.SchemaFileProperty, out var path) && !string.IsNullOrWhiteSpace(path) ? path : null)
                .Combine(schemaFileTexts)
                .Select(static (input, _) => input.Left is null ? null : input.Right.IsEmpty ? new SchemaFileText(input.Left, null) : input.Right[0])
                .WithTrackingName(TrackingNames.SchemaFile);

            var writingSchema = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => WellKnownNames.IsSet(options, WellKnownNames.WritingSchemaProperty))
                .WithTrackingName(TrackingNames.WritingSchema);

            context.RegisterSourceOutput(expectedSchema.Combine(writingSchema), static (output, input) => DiagnosticReporter.Guard(output, "writing the schema file", () =>
            {
                if (input.Right)
                {
                    output.AddSource(WellKnownNames.SchemaFileHintName, SchemaFileEmitter.Emit(input.Left));
                }
            }));

            var schemaFileDiagnostics = expectedSchema
                .Combine(schemaFile)
                .Combine(writingSchema)
                .Select(static (input, _) => input.Right ? EquatableArray<DiagnosticInfo>.Empty : SchemaFileCheck.Check(input.Left.Left, input.Left.Right))
                .WithTrackingName(TrackingNames.SchemaFileDiagnostics);

            context.RegisterSourceOutput(schemaFileDiagnostics.Combine(context.CompilationProvider), static (output, input) =>
                DiagnosticReporter.Report(output, input.Right, input.Left));

            var schemaDiagnostics = sorted
                .Combine(sortedRepeatables)
                .Select(static (input, _) => SchemaModelDiagnostics.Unfollowed(input.Left, input.Right))
                .WithTrackingName(TrackingNames.SchemaDiagnostics);

            context.RegisterSourceOutput(schemaDiagnostics.Combine(context.CompilationProvider), static (output, input) =>
                DiagnosticReporter.Report(output, input.Right, input.Left));

            return expectedSchema;
        }
    }
}
