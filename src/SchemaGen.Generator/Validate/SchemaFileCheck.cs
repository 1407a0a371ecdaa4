using SchemaGen.Generator.Data;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Emit;
using SchemaGen.SqlParsing.Schema;

namespace SchemaGen.Generator.Validate
{
    /// <summary>The committed schema file (<c>SchemaGenSchemaFile</c>) as the build reads it: its path, and its text (null when it does not exist).</summary>
    internal sealed record SchemaFileText(string Path, string? Text);

    /// <summary>SG0402: the committed schema file no longer shows the schema the migrations build.</summary>
    internal static class SchemaFileCheck
    {
        public static EquatableArray<DiagnosticInfo> Check(SchemaSnapshot schema, SchemaFileText? file)
        {
            if (file is null)
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }

            var expected = SchemaSqlWriter.Write(schema);
            var actual = file.Text?.Replace("\r\n", "\n");
            if (actual == expected)
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }

            var name = System.IO.Path.GetFileName(file.Path);
            var difference = actual is null ? "it does not exist yet" : "first difference at line " + FirstDifferentLine(expected, actual).ToString(System.Globalization.CultureInfo.InvariantCulture);
            LocationInfo? where = actual is null ? null : LocationInfo.InFile(file.Path, 0, 0, line: 0, startColumn: 0);
            return new EquatableArray<DiagnosticInfo>(new[] { DiagnosticInfo.Create(DiagnosticDescriptors.StaleSchemaFile.Id, where, name, difference) });
        }

        private static int FirstDifferentLine(string expected, string actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var line = 0;
            while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
            {
                line++;
            }

            return line + 1;
        }
    }
}
