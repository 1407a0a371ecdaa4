using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SchemaGen.Adopting;

/// <summary>The checksum another tool recorded for a migration file, computed again from the file the build embeds.</summary>
internal static class ForeignChecksum
{
    /// <summary>sqlx: SHA-384 of the file's text, as the hex PostgreSQL's <c>encode(checksum, 'hex')</c> prints.</summary>
    public static string Sqlx(string sql) => Convert.ToHexStringLower(SHA384.HashData(Encoding.UTF8.GetBytes(sql)));

    /// <summary>
    /// Flyway: CRC-32 over the UTF-8 bytes of each line without its line break (as Java's <c>readLine</c> splits them: \n, \r\n or
    /// \r), a byte order mark at the start dropped, as a signed 32-bit integer.
    /// </summary>
    public static string Flyway(string sql)
    {
        var text = sql.AsSpan();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var crc = new Crc32();
        var buffer = new byte[256];
        while (text.Length > 0)
        {
            var end = text.IndexOfAny('\r', '\n');
            var line = end < 0 ? text : text[..end];
            var needed = Encoding.UTF8.GetMaxByteCount(line.Length);
            if (needed > buffer.Length)
            {
                buffer = new byte[needed];
            }

            crc.Append(buffer.AsSpan(0, Encoding.UTF8.GetBytes(line, buffer)));
            if (end < 0)
            {
                break;
            }

            text = text[(end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1))..];
        }

        return unchecked((int)crc.Value).ToString(CultureInfo.InvariantCulture);
    }
}
