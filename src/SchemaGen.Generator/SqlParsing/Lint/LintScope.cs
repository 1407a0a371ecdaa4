using System;
using System.Collections.Generic;
using SchemaGen.SqlParsing.Schema;

namespace SchemaGen.SqlParsing.Lint
{
    /// <summary>
    /// What the schema held just before a migration, as the compile-time model knows it: <see cref="State"/> (changed by the lint
    /// as it reads the migration's statements), the migration's id, and which migrations are not released (not in the lock file).
    /// </summary>
    internal sealed record LintModel(SchemaState State, string MigrationId, Func<string, bool> IsUnreleased);

    /// <summary>
    /// What one migration has done so far to the tables it names (created, emptied, dropped), and, when the compile-time
    /// schema model is known, what those tables held before it: their columns, and whether a released migration made them.
    /// </summary>
    internal sealed class LintScope
    {
        private readonly LintModel? _model;

        public LintScope(bool isDown, LintModel? model = null)
        {
            IsDown = isDown;
            _model = model;
        }

        /// <summary>Whether the SQL is a down: its drops lose data when it runs (SG0316), rather than break the running app (SG0310).</summary>
        public bool IsDown { get; }

        /// <summary>The rule a DROP TABLE or DROP COLUMN breaks here.</summary>
        public string DropRule => IsDown ? LintRules.DownDropsData : LintRules.BreakingChange;

        /// <summary>Tables this migration created: nothing on them is flagged but the column-type advice.</summary>
        public HashSet<string> Created { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Tables this migration emptied (TRUNCATE, an unfiltered DELETE): rewrites and scans cost nothing; drops still break the app.</summary>
        public HashSet<string> Emptied { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>DROP TABLE findings by table: withdrawn when the migration creates the table again (it replaces it atomically).</summary>
        public List<(string Table, LintFinding Finding)> Dropped { get; } = new List<(string, LintFinding)>();

        /// <summary>Where unqualified names go, as the migration's <c>search_path</c> says.</summary>
        public EffectWriter Names { get; } = new EffectWriter();

        public bool IsEmpty(string table) => Created.Contains(table) || Emptied.Contains(table);

        /// <summary>
        /// Whether a migration not yet released made the table (this one included): no production table exists yet, so locks
        /// and rewrites on it cost nothing and the running application does not use it. False without a model or a lock file.
        /// </summary>
        public bool IsUnreleased(ObjectName table)
            => _model is { } model && model.State.Find(table) is { CreatedBy.Length: > 0 } relation && model.IsUnreleased(relation.CreatedBy);

        /// <summary>The column as the model knows it before this statement; null when it has no opinion.</summary>
        public ColumnShape? KnownColumn(ObjectName table, string column)
            => _model?.State.Find(table) is { Known: true } relation ? relation.Column(column) : null;

        /// <summary>Applies what <paramref name="statement"/> does to the model, once the rules have looked at it.</summary>
        public void Follow(SqlStatement statement)
        {
            if (_model is not { } model)
            {
                return;
            }

            Names.Changes.Clear();
            StatementEffects.Read(statement, Names);
            foreach (var change in Names.Changes)
            {
                model.State.Apply(change, model.MigrationId);
            }
        }
    }
}
