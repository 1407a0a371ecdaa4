using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SchemaGen.Generator.Analyzers;

namespace SchemaGen.CodeFixes
{
    /// <summary>
    /// SG0208: writes the next-numbered <c>.sql</c> migration that brings the schema in line with the <c>[Table]</c> models, as the
    /// diagnostic carries it (every difference at once, so one fix serves them all). <c>schemagen new --from-model</c> writes the same file.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelMigrationCodeFix)), Shared]
    public sealed class ModelMigrationCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SG0208");

        // One fix writes the migration for every difference: there is nothing more for a fix-all to do.
        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var diagnostic = context.Diagnostics.FirstOrDefault(d => d.Properties.ContainsKey(FixProperty.MigrationSql));
            if (diagnostic is null
                || !diagnostic.Properties.TryGetValue(FixProperty.MigrationFile, out var fileName) || fileName is null
                || diagnostic.Properties[FixProperty.MigrationSql] is not { } sql)
            {
                return Task.CompletedTask;
            }

            var project = context.Document.Project;
            var folder = diagnostic.Properties.TryGetValue(FixProperty.MigrationFolder, out var known) && known is not null
                ? known
                : Path.Combine(Path.GetDirectoryName(project.FilePath) ?? string.Empty, "Migrations");
            var path = Path.Combine(folder, fileName);
            if (project.AdditionalDocuments.Any(document => document.FilePath == path))
            {
                return Task.CompletedTask;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Write migration {fileName} from the [Table] models",
                    _ => Task.FromResult(project.Solution.AddAdditionalDocument(
                        DocumentId.CreateNewId(project.Id), fileName, SourceText.From(sql), FoldersOf(project, folder), path)),
                    equivalenceKey: "SG0208"),
                diagnostic);
            return Task.CompletedTask;
        }

        /// <summary>The folders from the project's own to <paramref name="folder"/>, as the IDE shows them.</summary>
        private static string[] FoldersOf(Project project, string folder)
        {
            var projectFolder = Path.GetDirectoryName(project.FilePath);
            if (string.IsNullOrEmpty(projectFolder) || !folder.StartsWith(projectFolder, System.StringComparison.Ordinal))
            {
                return new[] { Path.GetFileName(folder) };
            }

            return folder.Substring(projectFolder!.Length).Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, System.StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
