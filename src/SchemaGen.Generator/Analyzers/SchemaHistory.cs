using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;
using SchemaGen.Generator.LockFile;
using SchemaGen.Generator.Parse;
using SchemaGen.Generator.Parse.SqlFiles;
using SchemaGen.SqlParsing.Schema;

namespace SchemaGen.Generator.Analyzers
{
    /// <summary>
    /// The compile-time schema model as the SQL lint sees it: every migration of the compilation (its <c>.sql</c> files and
    /// <c>[Migration]</c> classes) replayed in order, so the lint can ask what a table held just before a migration, and
    /// whether the migration that created it is released (in the lock file). Built once per compilation, when first asked.
    /// </summary>
    internal sealed class SchemaHistory
    {
        private readonly Dictionary<string, (SchemaState Before, bool Exact)> _before = new Dictionary<string, (SchemaState, bool)>(System.StringComparer.Ordinal);
        private readonly HashSet<string>? _unreleased;

        private SchemaHistory(List<Entry> entries, HashSet<string>? released, Dictionary<string, EquatableArray<TableInfo>> frozen)
        {
            var state = new SchemaState();
            if (released is not null)
            {
                _unreleased = new HashSet<string>(
                    entries.Where(entry => !released.Contains(LockFileLocator.Id(entry.Number, entry.Name))).Select(entry => entry.Effect.MigrationId),
                    System.StringComparer.Ordinal);
            }

            foreach (var entry in entries.OrderBy(entry => entry.Number == 0 ? int.MaxValue : entry.Number).ThenBy(entry => entry.Name, System.StringComparer.Ordinal))
            {
                _before[entry.Effect.MigrationId] = (state.CopyFor(entry.Effect), entry.SinglePiece);
                // Auto-schema is known only where the lock file froze its models: this analyzer does not read today's.
                SchemaReplay.Apply(state, entry.Effect, frozen.TryGetValue(entry.Effect.MigrationId, out var models) ? models : null);
            }
        }

        /// <summary>
        /// A copy of what the relations <paramref name="migrationId"/> names held just before it ran, for a lint to change as it
        /// reads the migration's statements; null when the migration is not one the history knows. When the migration sends its
        /// SQL in more than one piece and the lint reads one, what the others change is unknown.
        /// </summary>
        public SchemaState? Before(string migrationId, bool wholeSql)
        {
            if (!_before.TryGetValue(migrationId, out var before))
            {
                return null;
            }

            var copy = before.Before.CopyOf(before.Before.Relations.Keys);
            if (!wholeSql && !before.Exact)
            {
                foreach (var relation in copy.Relations.Values)
                {
                    relation.Known = false;
                }
            }

            return copy;
        }

        /// <summary>Whether the migration is not in the lock file (false when there is none: then every migration counts as released).</summary>
        public bool IsUnreleased(string migrationId) => _unreleased?.Contains(migrationId) == true;

        public static SchemaHistory Build(Compilation compilation, AnalyzerOptions options, INamedTypeSymbol attributeType, INamedTypeSymbol? repeatableType, CancellationToken cancellationToken)
        {
            var entries = new List<Entry>();
            HashSet<string>? released = null;
            var frozen = new Dictionary<string, EquatableArray<TableInfo>>(System.StringComparer.Ordinal);
            foreach (var file in options.AdditionalFiles)
            {
                var fileOptions = options.AnalyzerConfigOptionsProvider.GetOptions(file);
                if (LockFileLocator.IsLockFile(file, fileOptions) && file.GetText(cancellationToken)?.ToString() is { } lockText)
                {
                    var facts = LockFileLocator.Read(lockText);
                    released = new HashSet<string>(facts.ReleasedIds, System.StringComparer.Ordinal);
                    foreach (var entry in facts.Frozen)
                    {
                        frozen[entry.MigrationId] = entry.Tables;
                    }
                }
                else if (SqlMigrationFiles.IsMigration(fileOptions) && Entry.Read(file, cancellationToken) is { } entry)
                {
                    entries.Add(entry);
                }
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var declaration in tree.GetRoot(cancellationToken).DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or ClassDeclarationSyntax).OfType<ClassDeclarationSyntax>())
                {
                    if (declaration.AttributeLists.Count > 0 && Entry.Read(declaration, compilation, attributeType, repeatableType, cancellationToken) is { } entry)
                    {
                        entries.Add(entry);
                    }
                }
            }

            return new SchemaHistory(entries, released, frozen);
        }

        private sealed record Entry(int Number, string Name, MigrationEffect Effect, bool SinglePiece)
        {
            /// <summary>A SQL file's effect by its text: the IDE hands the same text to each new compilation while the file is unchanged.</summary>
            private static readonly ConditionalWeakTable<SourceText, MigrationEffect> ByText = new ConditionalWeakTable<SourceText, MigrationEffect>();

            /// <summary>A numbered or repeatable SQL migration; null for a down or a file not named like a migration.</summary>
            public static Entry? Read(AdditionalText file, CancellationToken cancellationToken)
            {
                if (!SqlMigrationFileName.TryRead(System.IO.Path.GetFileName(file.Path), out var kind, out var number, out var name, out _)
                    || kind == SqlFileKind.Down
                    || file.GetText(cancellationToken) is not { } text)
                {
                    return null;
                }

                var repeatable = kind == SqlFileKind.Repeatable;
                var id = MigrationId.Of(number, name, repeatable);
                var effect = ByText.GetValue(text, sql => MigrationEffectReader.Read(id, sql.ToString()));
                return new Entry(repeatable ? 0 : number, name, effect.MigrationId == id ? effect : MigrationEffectReader.Read(id, text.ToString()), SinglePiece: true);
            }

            public static Entry? Read(ClassDeclarationSyntax declaration, Compilation compilation, INamedTypeSymbol attributeType, INamedTypeSymbol? repeatableType, CancellationToken cancellationToken)
            {
                var mentionsMigration = false;
                foreach (var list in declaration.AttributeLists)
                {
                    foreach (var attribute in list.Attributes)
                    {
                        mentionsMigration |= attribute.Name.ToString().IndexOf("Migration", System.StringComparison.Ordinal) >= 0;
                    }
                }

                if (!mentionsMigration
                    || compilation.GetSemanticModel(declaration.SyntaxTree).GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type
                    || !MigrationAttributeValues.TryReadFrom(type, attributeType, repeatableType, cancellationToken, out var values, out _))
                {
                    return null;
                }

                var steps = ConstantSqlReader.ReadSteps(ConstantSqlReader.OverrideOf(type, "UpAsync", cancellationToken), compilation, cancellationToken);
                return new Entry(values.Repeatable ? 0 : values.Number, values.Name, SchemaEffects.OfSteps(values.Id, steps), steps is { Length: 1 });
            }
        }
    }
}
