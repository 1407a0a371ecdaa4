using System;
using System.Collections.Generic;

namespace SchemaGen.SqlParsing.Lint
{
    /// <summary>What one migration has done so far to the tables it names: created, emptied, dropped.</summary>
    internal sealed class LintScope
    {
        public LintScope(bool isDown) => IsDown = isDown;

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

        public bool IsEmpty(string table) => Created.Contains(table) || Emptied.Contains(table);
    }
}
