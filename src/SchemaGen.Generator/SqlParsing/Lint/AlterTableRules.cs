using System.Collections.Generic;

namespace SchemaGen.SqlParsing.Lint
{
    /// <summary>
    /// The rules on <c>ALTER TABLE</c> actions of a table that already exists: NOT NULL without a default (SG0304), a volatile
    /// default (SG0305), a type change (SG0306), SET NOT NULL (SG0307), a constraint that checks every row under lock
    /// (SG0308, SG0309), and dropping or renaming what the running application uses (SG0310).
    /// </summary>
    internal static class AlterTableRules
    {
        private static readonly HashSet<string> VolatileFunctions = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "random", "clock_timestamp", "timeofday", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "nextval", "txid_current",
        };

        /// <summary>Whether PostgreSQL computes a default calling this function row by row.</summary>
        public static bool IsVolatileFunction(string name) => VolatileFunctions.Contains(name);

        public static void Check(TokenRange statement, LintScope scope, List<LintFinding> findings)
        {
            var i = 2;
            if (statement.Has(i, "IF", "EXISTS"))
            {
                i += 2;
            }

            if (statement.Is(i, "ONLY"))
            {
                i++;
            }

            if (i >= statement.Count)
            {
                return;
            }

            var table = statement.QualifiedName(i, out var length);
            var name = scope.Names.Name(statement, i, out _);
            i += length;
            if (i < statement.Count && statement.Text(i) == "*")
            {
                i++;
            }

            var unreleased = scope.IsUnreleased(name);
            var isCreated = scope.Created.Contains(table) || unreleased;
            var isEmpty = scope.IsEmpty(table) || unreleased;
            foreach (var action in statement.Skip(i).SplitByCommas())
            {
                if (action.IsEmpty)
                {
                    continue;
                }

                if (action.Is(0, "ADD"))
                {
                    CheckAdd(action, table, isEmpty, findings);
                }
                else if (!isCreated)
                {
                    CheckChange(action, table, name, isEmpty, scope, findings);
                }
            }
        }

        private static void CheckAdd(TokenRange action, string table, bool isNew, List<LintFinding> findings)
        {
            var j = action.Is(1, "COLUMN") ? 2 : 1;
            if (action.Has(j, "IF", "NOT", "EXISTS"))
            {
                j += 3;
            }

            var last = action.Count - 1;
            var constraintName = action.Is(j, "CONSTRAINT") && j + 1 < action.Count ? action.Identifier(j + 1) : null;
            var kind = constraintName is null ? j : j + 2;
            if (action.Is(kind, "FOREIGN") || action.Is(kind, "CHECK"))
            {
                if (!isNew && !(action.Is(last - 1, "NOT") && action.Is(last, "VALID")))
                {
                    var what = action.Is(kind, "CHECK") ? "CHECK" : "FOREIGN KEY";
                    findings.Add(MigrationSqlLinter.On(action, 0, last, LintRules.ConstraintWithoutNotValid, what, constraintName ?? "(unnamed)", table));
                }

                return;
            }

            if (action.Is(kind, "UNIQUE") || action.Has(kind, "PRIMARY", "KEY") || action.Is(kind, "EXCLUDE"))
            {
                var usingIndex = action.Find("USING") is var at and >= 0 && action.Is(at + 1, "INDEX");
                if (!isNew && !usingIndex && !action.Is(kind, "EXCLUDE"))
                {
                    findings.Add(MigrationSqlLinter.On(action, 0, last, LintRules.UniqueWithoutIndex, action.Is(kind, "UNIQUE") ? "UNIQUE" : "PRIMARY KEY", table));
                }

                return;
            }

            if (ColumnDefinition.Read(action.Skip(j)) is not { } column)
            {
                return;
            }

            ColumnTypeAdvice.Check(column, findings);
            if (isNew)
            {
                return;
            }

            if (column.IsNotNull && !column.HasDefault)
            {
                findings.Add(MigrationSqlLinter.On(action, 0, last, LintRules.NotNullWithoutDefault, column.Name, table));
            }

            if (VolatileDefault(column) is { } volatileDefault)
            {
                findings.Add(MigrationSqlLinter.On(action, 0, last, LintRules.VolatileDefault, column.Name, volatileDefault, table));
            }
        }

        private static void CheckChange(TokenRange action, string table, SqlParsing.Schema.ObjectName name, bool isEmpty, LintScope scope, List<LintFinding> findings)
        {
            var last = action.Count - 1;
            if (action.Is(0, "ALTER") && !isEmpty)
            {
                var j = action.Is(1, "COLUMN") ? 2 : 1;
                if (j >= action.Count)
                {
                    return;
                }

                var column = action.Identifier(j);
                var known = scope.KnownColumn(name, column);
                var type = action.Has(j + 1, "TYPE") ? j + 2 : action.Has(j + 1, "SET", "DATA", "TYPE") ? j + 4 : -1;
                if (type > 0 && RewritesTable(action, type, known?.Type, scope))
                {
                    findings.Add(MigrationSqlLinter.On(action, 0, last, LintRules.ColumnTypeChange, column, table));
                }
                else if (type < 0 && action.Has(j + 1, "SET", "NOT", "NULL") && known is not { NotNull: true })
                {
                    findings.Add(MigrationSqlLinter.On(action, 0, last, LintRules.SetNotNull, column, table));
                }
            }
            else if ((action.Is(0, "DROP") || action.Is(0, "RENAME")) && !action.Is(1, "CONSTRAINT"))
            {
                var rule = action.Is(0, "DROP") ? scope.DropRule : LintRules.BreakingChange;
                findings.Add(MigrationSqlLinter.On(action, 0, last, rule, action.TextOf(0, last)));
            }
        }

        /// <summary>
        /// Whether <c>ALTER COLUMN … TYPE</c> rewrites the table. With the old type known (<paramref name="oldType"/>): not when the
        /// type stays, nor for a binary-compatible change without USING (<see cref="ColumnTypeChanges"/>). Without it, a change to
        /// text or varchar without USING is given the benefit of the doubt: widening a varchar or making it text needs no rewrite.
        /// </summary>
        private static bool RewritesTable(TokenRange action, int type, string? oldType, LintScope scope)
        {
            var usingAt = action.Find("USING");
            var end = usingAt >= 0 ? usingAt : action.Find("COLLATE") is var collate and >= 0 ? collate : action.Count;
            var newType = SqlParsing.Schema.TypeNames.Normalize(new TokenRange(action.Statement, action.Start + type, action.Start + end), scope.Names.DefaultSchema);
            if (oldType is not null && newType is not null)
            {
                return usingAt >= 0 || !ColumnTypeChanges.IsBinaryCompatible(oldType, newType);
            }

            var widensText = (action.Is(type, "text") || action.Is(type, "varchar") || action.Has(type, "character", "varying")) && usingAt < 0;
            return !widensText;
        }

        /// <summary>A default PostgreSQL must compute row by row (so adding the column rewrites the table), or null.</summary>
        private static string? VolatileDefault(ColumnDefinition column)
        {
            if (column.Type.Count == 1 && ColumnTypeAdvice.Serials.Contains(column.Type.Text(0)))
            {
                return column.Type.Text(0);
            }

            var generated = column.Whole.Find("GENERATED");
            if (generated >= 0)
            {
                return column.Whole.TextOf(generated, column.Whole.Count - 1);
            }

            var expression = column.DefaultExpression;
            for (var i = 0; i < expression.Count; i++)
            {
                if (expression[i].Kind == SqlTokenKind.Word && VolatileFunctions.Contains(expression.Text(i)))
                {
                    return expression.TextOf(0, expression.Count - 1);
                }
            }

            return null;
        }
    }
}
