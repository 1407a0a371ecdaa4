using System.Text;
using SchemaGen.SqlParsing;

namespace SchemaGen.Generator.Parse.SqlFiles
{
    /// <summary>
    /// SHA-256 over a SQL migration's tokens and its <c>transactional</c> option: comments, whitespace between tokens and
    /// line endings do not change it; a changed literal, identifier, keyword or symbol does. Each token is written with its
    /// length, so two token lists never give the same bytes.
    /// </summary>
    internal static class SqlChecksum
    {
        public static string Compute(string sql, bool transactional)
        {
            var text = new StringBuilder(sql.Length + 32);
            text.Append("schemagen-sql-1\ntransactional=").Append(transactional ? "true" : "false").Append('\n');
            foreach (var token in SqlTokenizer.Tokenize(sql))
            {
                var value = sql.Substring(token.Start, token.Length).Replace("\r\n", "\n");
                text.Append(value.Length).Append(':').Append(value).Append('\n');
            }

            return MigrationChecksum.Hash(text.ToString());
        }
    }
}
