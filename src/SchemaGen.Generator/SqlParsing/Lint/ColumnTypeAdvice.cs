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

            if (type.Is(0, "timestamp") && !type.Contains("WITH"))
            {
                Advise(findings, column, LintRules.TimestampWithoutTimeZone, column.Name);
            }

            var lengthAt = type.Is(0, "varchar") ? 1 : type.Has(0, "character", "varying") ? 2 : -1;
            if (lengthAt > 0 && lengthAt < type.Count && type.Text(lengthAt) == "(")
            {
                Advise(findings, column, LintRules.VarcharLength, column.Name, column.TypeText);
            }

            if (type.Count == 1 && Serials.Contains(type.Text(0)))
            {
                Advise(findings, column, LintRules.SerialColumn, column.Name, column.TypeText);
            }

            if (type.Count == 1 && IntTypes.Contains(type.Text(0)) && column.IsPrimaryKey)
            {
                Advise(findings, column, LintRules.IntegerKey, column.Name, column.TypeText);
            }

            if (type.Is(0, "json"))
            {
                Advise(findings, column, LintRules.JsonColumn, column.Name);
            }
        }

        /// <summary>Advice on the whole column definition.</summary>
        private static void Advise(List<LintFinding> findings, ColumnDefinition column, string id, params string[] args)
            => findings.Add(MigrationSqlLinter.On(column.Whole, 0, column.Whole.Count - 1, id, args));
    }
}
