using System;
using System.Security.Cryptography;
using System.Text;

namespace SchemaGen.SqlParsing
{
    /// <summary>
    /// The checksum of a SQL migration: SHA-256 over its tokens and its <c>transactional</c> option, so comments, whitespace
    /// between tokens and line endings never change it. Each token is written with its length, so two token lists never
    /// give the same bytes. The prefix names the version that produced it, and a ledger row keeps verifying with the version
    /// it was written with:
    /// <list type="bullet">
    /// <item>version 1, <c>sha256:</c>: every token as written;</item>
    /// <item>version 2, <c>v2:sha256:</c>: keywords and unquoted identifiers in lower case, as PostgreSQL folds them (ASCII
    /// letters only, as it does); strings and quoted identifiers as written.</item>
    /// </list>
    /// </summary>
    internal static class SqlChecksum
    {
        public const int CurrentVersion = 2;

        private const string Version1Prefix = "sha256:";
        private const string Version2Prefix = "v2:sha256:";

        public static string Compute(string sql, bool transactional) => Compute(sql, transactional, CurrentVersion);

        public static string Compute(string sql, bool transactional, int version)
        {
            var text = new StringBuilder(sql.Length + 32);
            text.Append(version == 1 ? "schemagen-sql-1" : "schemagen-sql-2")
                .Append("\ntransactional=").Append(transactional ? "true" : "false").Append('\n');
            foreach (var token in SqlTokenizer.Tokenize(sql))
            {
                var value = sql.Substring(token.Start, token.Length).Replace("\r\n", "\n");
                if (version != 1 && token.Kind == SqlTokenKind.Word)
                {
                    value = FoldAscii(value);
                }

                text.Append(value.Length).Append(':').Append(value).Append('\n');
            }

            return Sha256(version == 1 ? Version1Prefix : Version2Prefix, text.ToString());
        }

        /// <summary>The version a checksum's prefix names: 2 for <c>v2:sha256:</c>, else 1.</summary>
        public static int VersionOf(string checksum)
            => checksum.StartsWith(Version2Prefix, StringComparison.Ordinal) ? 2 : 1;

        /// <summary>Whether <paramref name="checksum"/> is a checksum of a known version: its prefix and 64 lowercase hex digits.</summary>
        public static bool IsWellFormed(string checksum)
        {
            var prefix = VersionOf(checksum) == 2 ? Version2Prefix : Version1Prefix;
            if (checksum.Length != prefix.Length + 64 || !checksum.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }

            for (var i = prefix.Length; i < checksum.Length; i++)
            {
                var c = checksum[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><paramref name="prefix"/> and the lowercase hex of SHA-256 over the text's UTF-8 bytes.</summary>
        public static string Sha256(string prefix, string text)
        {
            byte[] hash;
            using (var sha = SHA256.Create())
            {
                hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            }

            var hex = new StringBuilder(prefix, prefix.Length + (hash.Length * 2));
            foreach (var b in hash)
            {
                hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        /// <summary>A word as PostgreSQL reads it unquoted: ASCII letters in lower case, every other character as it is.</summary>
        public static string FoldAscii(string word)
        {
            var folded = word.ToCharArray();
            for (var i = 0; i < folded.Length; i++)
            {
                if (folded[i] >= 'A' && folded[i] <= 'Z')
                {
                    folded[i] = (char)(folded[i] + 32);
                }
            }

            return new string(folded);
        }
    }
}
