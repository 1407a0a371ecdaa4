using System.Globalization;
using Npgsql;
using SchemaGen.SqlParsing;

namespace SchemaGen.Applying;

/// <summary>The statement of a migration's SQL that failed: which one of how many, and where in the text given to <c>ExecuteAsync</c>.</summary>
internal sealed record FailedStatement(Exception Error, SqlStatement Statement, int Ordinal, int Count)
{
    /// <summary>"in statement 2 of 46 (line 7, column 13): INSERT INTO …" — the column only when PostgreSQL gave a position.</summary>
    public string Describe()
    {
        var position = (Error as PostgresException)?.Position ?? 0;
        var (line, column) = position > 0 ? LineAndColumn(Statement.Start + position - 1) : (Statement.Line, 0);
        var where = column > 0
            ? string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}")
            : string.Create(CultureInfo.InvariantCulture, $"line {line}");
        return string.Create(CultureInfo.InvariantCulture, $"in statement {Ordinal} of {Count} ({where}): {Statement.FirstLine}");
    }

    private (int Line, int Column) LineAndColumn(int offset)
    {
        var sql = Statement.Sql;
        offset = Math.Min(offset, sql.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (sql[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
