using System.Collections.Generic;
using System.Linq;
using SchemaGen.Generator.Analyzers;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;
using SchemaGen.Generator.Diagnostics;

namespace SchemaGen.Generator.ModelDrift
{
    /// <summary>
    /// SG0208, one per difference, on the model's part it concerns: the property of a column, the <c>[Index]</c> of an index, the
    /// class of a table or of a column it no longer maps, the auto-schema migration of a table whose model is gone. Each carries
    /// the whole migration that closes every difference, for the code fix to write.
    /// </summary>
    internal static class ModelDiagnostics
    {
        public static EquatableArray<DiagnosticInfo> Create(
            EquatableArray<ModelDifference> differences,
            ModelMigrationDraft? draft,
            EquatableArray<TableSites> sites,
            EquatableArray<NamedLocation> migrations,
            MigrationSlot slot)
        {
            if (draft is null)
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }

            var byType = sites.ToDictionary(site => site.FullyQualifiedTypeName);
            var fileName = slot.FileName(draft.Name);
            var diagnostics = new List<DiagnosticInfo>();
            foreach (var difference in differences)
            {
                var where = Where(difference, byType, migrations);
                if (draft.Pending.FirstOrDefault(pending => pending.Difference == difference) is { } waiting)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelDiffersFromSchema.Id, where, difference.Table.ToString(), difference.Describe(),
                        $"its draft in {waiting.File} waits for a person to confirm it (SG0010)"));
                    continue;
                }

                var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.ModelDiffersFromSchema.Id, where, difference.Table.ToString(), difference.Describe(),
                        $"the code fix (or 'schemagen new --from-model') writes the migration {fileName} that closes it")
                    .WithProperty(FixProperty.MigrationFile, fileName)
                    .WithProperty(FixProperty.MigrationSql, draft.Sql!);
                diagnostics.Add(slot.Folder is { } folder ? diagnostic.WithProperty(FixProperty.MigrationFolder, folder) : diagnostic);
            }

            return EquatableArray.From(diagnostics);
        }

        private static LocationInfo? Where(ModelDifference difference, Dictionary<string, TableSites> byType, EquatableArray<NamedLocation> migrations)
        {
            if (difference.Kind == ModelDifferenceKind.ExtraTable)
            {
                return migrations.FirstOrDefault(migration => migration.Name == difference.Owner)?.Location;
            }

            if (!byType.TryGetValue(difference.Owner, out var site))
            {
                return null;
            }

            var parts = difference.Kind switch
            {
                ModelDifferenceKind.MissingIndex => site.Indexes,
                ModelDifferenceKind.MissingTable or ModelDifferenceKind.ExtraColumn => EquatableArray<NamedLocation>.Empty,
                _ => site.Columns,
            };
            return parts.FirstOrDefault(part => part.Name == difference.Member)?.Location ?? site.Class;
        }
    }
}
