using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.LockFile;
using SchemaGen.Generator.Parse;
using SchemaGen.SqlParsing;

namespace SchemaGen.Generator.Analyzers
{
    /// <summary>
    /// Compares the migrations (classes and <c>.sql</c> files) with the lock file the build passes in (an AdditionalFiles item with
    /// <c>SchemaGenLockFile="true"</c> metadata, or any additional file named <c>migrations.lock.json</c>):
    /// an edited (SG0101), vanished (SG0102) or renamed (SG0103) recorded migration, or an unreadable lock file (SG0104).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LockFileAnalyzer : DiagnosticAnalyzer
    {
        public const string DefaultFileName = LockFileLocator.DefaultFileName;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.RecordedMigrationEdited,
            DiagnosticDescriptors.RecordedMigrationGone,
            DiagnosticDescriptors.RecordedNumberRenamed,
            DiagnosticDescriptors.LockFileUnreadable);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = start.Compilation.GetTypeByMetadataName(WellKnownNames.MigrationAttribute);
                var lockFile = FindLockFile(start.Options);
                if (attributeType is null || lockFile is null)
                {
                    return;
                }

                var text = lockFile.GetText(start.CancellationToken);
                if (text is null)
                {
                    return;
                }

                var contents = LockFileParser.Parse(text.ToString());
                start.RegisterAdditionalFileAction(fileContext =>
                {
                    if (fileContext.AdditionalFile.Path == lockFile.Path)
                    {
                        foreach (var problem in contents.Problems)
                        {
                            fileContext.ReportDiagnostic(Diagnostic.Create(
                                DiagnosticDescriptors.LockFileUnreadable, LocationIn(lockFile.Path, text, problem.Span), problem.Reason));
                        }
                    }
                });

                if (contents.Entries.Count == 0)
                {
                    return;
                }

                var check = new RecordedMigrations(contents, lockFile.Path, text);
                start.RegisterSymbolAction(symbol => check.Analyze(symbol, attributeType), SymbolKind.NamedType);
                start.RegisterAdditionalFileAction(fileContext =>
                {
                    if (Parse.SqlFiles.SqlMigrationFiles.IsMigration(fileContext.Options.AnalyzerConfigOptionsProvider.GetOptions(fileContext.AdditionalFile)))
                    {
                        check.AnalyzeSqlFile(fileContext);
                    }
                });
                start.RegisterCompilationEndAction(check.ReportGone);
            });
        }

        private static AdditionalText? FindLockFile(AnalyzerOptions options)
        {
            AdditionalText? byName = null;
            foreach (var file in options.AdditionalFiles)
            {
                if (options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(LockFileLocator.MetadataKey, out var flag)
                    && string.Equals(flag, "true", System.StringComparison.OrdinalIgnoreCase))
                {
                    return file;
                }

                if (byName is null && LockFileLocator.IsLockFile(file, options.AnalyzerConfigOptionsProvider.GetOptions(file)))
                {
                    byName = file;
                }
            }

            return byName;
        }

        private static Location LocationIn(string path, SourceText text, TextSpan span)
            => Location.Create(path, span, text.Lines.GetLinePositionSpan(span));

        /// <summary>The per-compilation state: which recorded entries the code still has.</summary>
        private sealed class RecordedMigrations
        {
            private readonly LockFileContents _contents;
            private readonly string _path;
            private readonly SourceText _text;
            private readonly ImmutableDictionary<int, LockEntry> _byNumber;
            private readonly ConcurrentDictionary<int, string> _presentNames = new ConcurrentDictionary<int, string>();

            public RecordedMigrations(LockFileContents contents, string path, SourceText text)
            {
                _contents = contents;
                _path = path;
                _text = text;
                var byNumber = ImmutableDictionary.CreateBuilder<int, LockEntry>();
                foreach (var entry in contents.Entries)
                {
                    byNumber[entry.Number] = entry;
                }

                _byNumber = byNumber.ToImmutable();
            }

            private string FileName => Path.GetFileName(_path);

            public void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attributeType)
            {
                var type = (INamedTypeSymbol)context.Symbol;
                if (!MigrationAttributeValues.TryReadFrom(type, attributeType, repeatableType: null, context.CancellationToken, out var values, out var attributeLocation))
                {
                    return;
                }

                Check(
                    values.Number,
                    values.Name,
                    // A C# migration's checksum has one version.
                    _ => MigrationChecksum.Compute(type, values.Transactional, context.CancellationToken),
                    type.Name,
                    attributeLocation,
                    type.Locations[0],
                    context.ReportDiagnostic);
            }

            /// <summary>A <c>.sql</c> migration: SG0101 and SG0103 go on the file's first line.</summary>
            public void AnalyzeSqlFile(AdditionalFileAnalysisContext context)
            {
                var parsed = Parse.SqlFiles.SqlMigrationParser.Parse(context.AdditionalFile, context.CancellationToken);
                // A repeatable migration is meant to change: the lock file does not record it.
                if (parsed.Model is not { Repeatable: false } model || model.AttributeLocation is not { } where)
                {
                    return;
                }

                var location = Location.Create(where.FilePath, where.Span, where.LineSpan);
                Check(
                    model.Number,
                    model.Name,
                    version => version == SqlChecksum.CurrentVersion ? model.Checksum : SqlChecksum.Compute(model.Sql!, model.Transactional, version),
                    model.ClassName,
                    location,
                    location,
                    context.ReportDiagnostic);
            }

            private void Check(
                int number, string name, System.Func<int, string> checksumOfVersion, string displayName, Location renamedAt, Location editedAt, System.Action<Diagnostic> report)
            {
                _presentNames[number] = name;
                if (!_byNumber.TryGetValue(number, out var recorded))
                {
                    return;
                }

                if (recorded.Name != name)
                {
                    report(Diagnostic.Create(DiagnosticDescriptors.RecordedNumberRenamed, renamedAt, number, recorded.Name, FileName, displayName, name));
                    return;
                }

                // An entry recorded by an older SchemaGen is compared with the checksum of its own version.
                var checksum = checksumOfVersion(SqlChecksum.VersionOf(recorded.Checksum));
                if (checksum != recorded.Checksum)
                {
                    report(Diagnostic.Create(
                        DiagnosticDescriptors.RecordedMigrationEdited, editedAt, displayName, Data.MigrationId.Format(number, name), FileName, recorded.Checksum, checksum));
                }
            }

            public void ReportGone(CompilationAnalysisContext context)
            {
                foreach (var entry in _contents.Entries)
                {
                    if (_presentNames.ContainsKey(entry.Number))
                    {
                        continue;
                    }

                    var movedTo = NumberNamed(entry.Name);
                    var hint = movedTo is null ? string.Empty : $" (a migration named '{entry.Name}' now has number {movedTo})";
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.RecordedMigrationGone,
                        LocationIn(_path, _text, entry.Span),
                        entry.Number,
                        Data.MigrationId.Format(entry.Number, entry.Name),
                        hint));
                }
            }

            private int? NumberNamed(string name)
            {
                foreach (var present in _presentNames)
                {
                    if (present.Value == name)
                    {
                        return present.Key;
                    }
                }

                return null;
            }

        }
    }
}
