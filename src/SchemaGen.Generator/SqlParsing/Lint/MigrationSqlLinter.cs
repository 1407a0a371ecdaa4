using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SchemaGen.SqlParsing.Lint
{
    /// <summary>
    /// Checks one migration's SQL (or its down's) for statements that are unsafe on a live database (SG0301–SG0316). A statement on a
    /// table the same migration created (or emptied, with TRUNCATE or an unfiltered DELETE), or a migration not yet released
    /// created, is never flagged, except for the column-type advice and, for an emptied one, drops; with the compile-time schema
    /// model, a type change to the same or a binary-compatible type and SET NOT NULL on a NOT NULL column are not either.
    /// A <c>-- schemagen-disable SG0303</c> (or <c>/* … */</c>) comment right before a statement turns those rules off for it.
    /// </summary>
    internal static class MigrationSqlLinter
    {
        private static readonly Regex Disable = new Regex(@"schemagen-disable\s+((?:SG\d{4}[\s,]*)+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex RuleId = new Regex(@"SG\d{4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <param name="sql">The SQL.</param>
        /// <param name="transactional">Whether it runs in a transaction.</param>
        /// <param name="isDown">Whether it is a down: a drop there loses data on revert (SG0316) rather than breaking the app (SG0310).</param>
        /// <param name="model">What the schema held before the migration, when the compile-time model knows it.</param>
        public static List<LintFinding> Lint(string sql, bool transactional, bool isDown = false, LintModel? model = null)
        {
            var findings = new List<LintFinding>();
            var scope = new LintScope(isDown, model);
            var previousEnd = 0;
            foreach (var statement in SqlStatementSplitter.Split(sql))
            {
                var statementFindings = new List<LintFinding>();
                CheckStatement(new TokenRange(statement, 0, statement.Tokens.Count), transactional, scope, statementFindings);
                var disabled = DisabledRules(sql.Substring(previousEnd, statement.Start - previousEnd));
                foreach (var finding in statementFindings)
                {
                    finding.StatementStart = statement.Start;
                    finding.StatementEnd = statement.End;
                    if (!disabled.Contains(finding.Id))
                    {
                        findings.Add(finding);
                    }
                }

                previousEnd = statement.End;
                scope.Follow(statement);
            }

            foreach (var (table, finding) in scope.Dropped)
            {
                if (scope.Created.Contains(table))
                {
                    findings.Remove(finding);
                }
            }

            return findings;
        }

        private static void CheckStatement(TokenRange statement, bool transactional, LintScope scope, List<LintFinding> findings)
        {
            if (transactional && TransactionControl.Is(statement.Statement))
            {
                findings.Add(At(statement, LintRules.TransactionControl, statement.Statement.FirstLine));
                return;
            }

            if (transactional && RefusedInTransaction(statement) is { } refused)
            {
                findings.Add(At(statement, LintRules.NotInTransaction, refused));
            }

            if (statement.Is(0, "CREATE") && TableDefinitions.CreatedTable(statement) is { } table)
            {
                scope.Created.Add(table.Name);
                foreach (var column in table.Columns)
                {
                    ColumnTypeAdvice.Check(column, findings);
                }
            }
            else if (statement.Is(0, "CREATE") && IndexBuilds.Check(statement, scope) is { } index)
            {
                findings.Add(index);
            }
            else if (statement.Has(0, "ALTER", "TABLE"))
            {
                AlterTableRules.Check(statement, scope, findings);
            }
            else if (EmptiedTable(statement) is { } emptied)
            {
                scope.Emptied.Add(emptied);
            }
            else if (statement.Has(0, "DROP", "TABLE"))
            {
                var names = statement.Skip(statement.Has(2, "IF", "EXISTS") ? 4 : 2);
                if (!names.IsEmpty && names.QualifiedName(0, out _) is var dropped && !scope.Created.Contains(dropped) && !scope.IsUnreleased(scope.Names.Name(names, 0, out _)))
                {
                    var finding = At(statement, scope.DropRule, statement.Statement.FirstLine);
                    scope.Dropped.Add((dropped, finding));
                    findings.Add(finding);
                }
            }
        }

        /// <summary>The table a <c>TRUNCATE</c> or an unfiltered <c>DELETE FROM</c> empties, or null.</summary>
        private static string? EmptiedTable(TokenRange statement)
        {
            if (statement.Is(0, "TRUNCATE"))
            {
                var at = statement.Is(1, "TABLE") ? 2 : 1;
                at += statement.Is(at, "ONLY") ? 1 : 0;
                return at < statement.Count ? statement.QualifiedName(at, out _) : null;
            }

            if (statement.Has(0, "DELETE", "FROM") && !statement.Contains("WHERE") && !statement.Contains("USING") && statement.Count > 2)
            {
                var at = statement.Is(2, "ONLY") ? 3 : 2;
                return at < statement.Count ? statement.QualifiedName(at, out _) : null;
            }

            return null;
        }

        /// <summary>What PostgreSQL refuses in a transaction block, named for the message; null when the statement may run in one.</summary>
        private static string? RefusedInTransaction(TokenRange statement)
        {
            if (statement.Is(0, "CREATE") && (statement.Has(1, "INDEX", "CONCURRENTLY") || statement.Has(1, "UNIQUE", "INDEX", "CONCURRENTLY")))
            {
                return "CREATE INDEX CONCURRENTLY";
            }

            if (statement.Has(0, "DROP", "INDEX", "CONCURRENTLY"))
            {
                return "DROP INDEX CONCURRENTLY";
            }

            if (statement.Is(0, "REINDEX") && statement.ContainsAnywhere("CONCURRENTLY"))
            {
                return "REINDEX CONCURRENTLY";
            }

            if (statement.Is(0, "VACUUM"))
            {
                return "VACUUM";
            }

            if (statement.Has(0, "ALTER", "SYSTEM"))
            {
                return "ALTER SYSTEM";
            }

            foreach (var verb in new[] { "CREATE", "DROP" })
            {
                foreach (var what in new[] { "DATABASE", "TABLESPACE" })
                {
                    if (statement.Has(0, verb, what))
                    {
                        return verb + " " + what;
                    }
                }
            }

            return null;
        }

        private static HashSet<string> DisabledRules(string between)
        {
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match match in Disable.Matches(between))
            {
                foreach (Match id in RuleId.Matches(match.Groups[1].Value))
                {
                    ids.Add(id.Value.ToUpperInvariant());
                }
            }

            return ids;
        }

        /// <summary>A finding on the statement's first line.</summary>
        public static LintFinding At(TokenRange statement, string id, params string[] args)
            => new LintFinding(id, statement[0].Start, statement.Statement.FirstLine.Length, args);

        /// <summary>A finding on tokens <paramref name="first"/> through <paramref name="last"/> of <paramref name="range"/>.</summary>
        public static LintFinding On(TokenRange range, int first, int last, string id, params string[] args)
            => new LintFinding(id, range[first].Start, range[last].End - range[first].Start, args);
    }
}
