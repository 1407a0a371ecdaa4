using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Validate;
using SchemaGen.SqlParsing;

namespace SchemaGen.Generator.Parse.SqlFiles
{
    /// <summary>
    /// A SQL migration file read: its model (null when its name cannot be read, or it is a down), its down (a
    /// <c>.down.sql</c> file), and the problems of the file alone.
    /// </summary>
    internal sealed record SqlMigrationParse(MigrationInfo? Model, EquatableArray<DiagnosticInfo> Diagnostics, SqlDownInfo? Down = null);

    /// <summary>Turns one <c>.sql</c> file of the migrations folder into a <see cref="MigrationInfo"/> carrying its SQL.</summary>
    internal static class SqlMigrationParser
    {
        public static SqlMigrationParse Parse(AdditionalText file, CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
            var fileName = Path.GetFileName(file.Path);
            var firstLine = text.IndexOf('\n') is var newline and >= 0 ? newline : text.Length;
            var where = LocationInfo.InFile(file.Path, 0, text.Substring(0, firstLine).TrimEnd('\r').Length, line: 0, startColumn: 0);
            var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();

            if (!SqlMigrationFileName.TryRead(fileName, out var kind, out var number, out var name, out var fileNameProblem))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSqlFileName.Id, where, fileName, fileNameProblem!));
                return new SqlMigrationParse(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }

            if (kind == SqlFileKind.Down)
            {
                // Its number and name are its migration's, checked there; pairing says when there is none.
                var downHeader = SqlMigrationHeader.Read(text);
                AddHeaderProblems(downHeader, text, file.Path, fileName, diagnostics);
                return new SqlMigrationParse(
                    null,
                    new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()),
                    new SqlDownInfo(number, name, fileName, text, downHeader.Transactional, where));
            }

            var repeatable = kind == SqlFileKind.Repeatable;
            if (number < 1 && !repeatable)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NumberBelowOne.Id, where, fileName, number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (MigrationNameRules.FindProblem(name) is { } nameProblem)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidName.Id, where, fileName, nameProblem));
            }

            var header = SqlMigrationHeader.Read(text);
            AddHeaderProblems(header, text, file.Path, fileName, diagnostics);
            if (repeatable && !header.Transactional)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidSqlHeader.Id, where, fileName, "a repeatable migration always runs in a transaction with its ledger row; remove 'transactional: false'"));
            }

            if (header.Description.IndexOf('\0') >= 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDescription.Id, where, fileName));
            }

            var drafts = Drafts(text, file.Path, fileName);
            var transactional = header.Transactional || repeatable;
            var model = new MigrationInfo(
                number,
                name,
                header.Description,
                transactional,
                SqlChecksum.Compute(text, transactional),
                fileName,
                string.Empty,
                CanBeInstantiated: diagnostics.Count == 0,
                where,
                text,
                Repeatable: repeatable,
                Effect: SqlParsing.Schema.MigrationEffectReader.Read(MigrationId.Of(number, name, repeatable), text),
                HoldsDraft: drafts.Count > 0);
            diagnostics.AddRange(drafts);
            return new SqlMigrationParse(model, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
        }

        /// <summary>SG0010 on each <c>-- schemagen-draft:</c> line: a part SG0208's fix wrote that a person must confirm.</summary>
        private static System.Collections.Generic.List<DiagnosticInfo> Drafts(string text, string path, string fileName)
        {
            var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();
            var marker = ModelDrift.ModelMigrationWriter.DraftMarker;
            var start = 0;
            for (var line = 0; start <= text.Length; line++)
            {
                var end = text.IndexOf('\n', start);
                var content = text.Substring(start, (end < 0 ? text.Length : end) - start).TrimEnd('\r');
                var indent = content.Length - content.TrimStart().Length;
                if (string.CompareOrdinal(content, indent, marker, 0, marker.Length) == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.DraftToConfirm.Id,
                        LocationInfo.InFile(path, start + indent, content.Length - indent, line, indent),
                        fileName,
                        content.Substring(indent + marker.Length).Trim()));
                }

                if (end < 0)
                {
                    break;
                }

                start = end + 1;
            }

            return diagnostics;
        }

        private static void AddHeaderProblems(SqlMigrationHeader header, string text, string path, string fileName, System.Collections.Generic.List<DiagnosticInfo> diagnostics)
        {
            foreach (var (line, column, length, message) in header.Problems)
            {
                var lineStart = LineStart(text, line);
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidSqlHeader.Id,
                    LocationInfo.InFile(path, lineStart + column, length, line, column),
                    fileName,
                    message));
            }
        }

        private static int LineStart(string text, int line)
        {
            var start = 0;
            for (var i = 0; i < line; i++)
            {
                start = text.IndexOf('\n', start) + 1;
            }

            return start;
        }
    }
}
