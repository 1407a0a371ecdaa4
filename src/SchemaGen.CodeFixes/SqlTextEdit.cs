using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SchemaGen.Generator.Analyzers;

namespace SchemaGen.CodeFixes
{
    /// <summary>Positions a SQL safety diagnostic carries, and text edits of the SQL inside a string literal.</summary>
    internal static class SqlTextEdit
    {
        public static bool TryGetPosition(Diagnostic diagnostic, string property, out int position)
        {
            position = 0;
            return diagnostic.Properties.TryGetValue(property, out var value)
                && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out position);
        }

        public static string Argument(Diagnostic diagnostic, int index)
            => diagnostic.Properties.TryGetValue(FixProperty.Argument(index), out var value) ? value ?? "" : "";

        /// <summary>An identifier as SQL: bare when PostgreSQL would fold it to itself, else double-quoted.</summary>
        public static string Identifier(string name)
        {
            foreach (var c in name)
            {
                if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_')
                {
                    return "\"" + name.Replace("\"", "\"\"") + "\"";
                }
            }

            return name.Length > 0 && !(name[0] >= '0' && name[0] <= '9') ? name : "\"" + name + "\"";
        }

        public static TextChange Insert(int position, string text) => new TextChange(new TextSpan(position, 0), text);
    }
}
