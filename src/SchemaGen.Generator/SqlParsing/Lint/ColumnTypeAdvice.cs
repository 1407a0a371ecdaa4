using System.Collections.Generic;

namespace SchemaGen.SqlParsing.Lint
{
    /// <summary>The column-type advice (SG0311–SG0315, informational): types that are hard to change once a table is big.</summary>
    internal static class ColumnTypeAdvice
    {
        /// <summary>The serial pseudo-types: an integer column with a sequence default.</summary>
        public static readonly HashSet<string> Serials = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "serial", "bigserial", "smallserial", "serial2", "serial4", "serial8",
        };

        private static readonly HashSet<string> IntTypes = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "int", "integer", "int4", "serial", "serial4", "smallint", "int2", "smallserial", "serial2",
        };

        public static void Check(ColumnDefinition column, List<LintFinding> findings)
        {
            var type = column.Type;
            if (type.IsEmpty)
            {
                return;
            }

            var name = column.Whole;
            if (type.Is(0, "timestamp") && !type.Contains("WITH"))
            {
                findings.Add(MigrationSqlLinter.On(name, 0, name.Count - 1, LintRules.TimestampWithoutTimeZone, column.Name));
            }

            var lengthAt = type.Is(0, "varchar") ? 1 : type.Has(0, "character", "varying") ? 2 : -1;
            if (lengthAt > 0 && lengthAt < type.Count && type.Text(lengthAt) == "(")
            {
                findings.Add(MigrationSqlLinter.On(name, 0, name.Count - 1, LintRules.VarcharLength, column.Name, column.TypeText));
            }

            if (type.Count == 1 && Serials.Contains(type.Text(0)))
            {
                findings.Add(MigrationSqlLinter.On(name, 0, name.Count - 1, LintRules.SerialColumn, column.Name, column.TypeText));
            }

            if (type.Count == 1 && IntTypes.Contains(type.Text(0)) && column.IsPrimaryKey)
            {
                findings.Add(MigrationSqlLinter.On(name, 0, name.Count - 1, LintRules.IntegerKey, column.Name, column.TypeText));
            }

            if (type.Is(0, "json"))
            {
                findings.Add(MigrationSqlLinter.On(name, 0, name.Count - 1, LintRules.JsonColumn, column.Name));
            }
        }
    }
}
