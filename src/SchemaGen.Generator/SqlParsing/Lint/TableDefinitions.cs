using System.Collections.Generic;

namespace SchemaGen.SqlParsing.Lint
{
    /// <summary>A table created by <c>CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name (…)</c>: its name and column definitions.</summary>
    internal sealed class TableDefinition
    {
        public TableDefinition(string name, List<ColumnDefinition> columns)
        {
            Name = name;
            Columns = columns;
        }

        public string Name { get; }

        public List<ColumnDefinition> Columns { get; }
    }

    internal static class TableDefinitions
    {
        private static readonly HashSet<string> TableConstraints = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE",
        };

        /// <summary>The table a CREATE TABLE statement makes, or null for any other statement.</summary>
        public static TableDefinition? CreatedTable(TokenRange statement)
        {
            var i = 1;
            while (statement.Is(i, "GLOBAL") || statement.Is(i, "LOCAL") || statement.Is(i, "TEMP") || statement.Is(i, "TEMPORARY") || statement.Is(i, "UNLOGGED"))
            {
                i++;
            }

            if (!statement.Is(i, "TABLE"))
            {
                return null;
            }

            i++;
            if (statement.Has(i, "IF", "NOT", "EXISTS"))
            {
                i += 3;
            }

            if (i >= statement.Count)
            {
                return null;
            }

            var name = statement.QualifiedName(i, out var length);
            var columns = new List<ColumnDefinition>();
            var rest = statement.Skip(i + length);
            if (rest.Is(0, "AS") || rest.Is(0, "PARTITION") || rest.Is(0, "OF"))
            {
                return new TableDefinition(name, columns);
            }

            foreach (var element in rest.InsideParentheses(0).SplitByCommas())
            {
                if (!element.IsEmpty && !(element[0].Kind == SqlTokenKind.Word && TableConstraints.Contains(element.Text(0)))
                    && ColumnDefinition.Read(element) is { } column)
                {
                    columns.Add(column);
                }
            }

            return new TableDefinition(name, columns);
        }
    }
}
