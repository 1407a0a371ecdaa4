using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SchemaGen.Generator.Data;

namespace SchemaGen.Generator.Emit
{
    /// <summary>
    /// The registry's digest, computed at compile time exactly as the runtime's ledger digest query does on the server:
    /// MD5, lowercase hex, over <c>number:id:checksum</c> lines joined by LF, the id being the number zero-padded to three
    /// digits, '_' and the name. A change detector, not a security measure.
    /// </summary>
    internal static class RegistryDigest
    {
        /// <returns>The digest, or null where MD5 is not available (a FIPS-only host): the runtime then computes it at start-up.</returns>
        public static string? Of(EquatableArray<RegistryEntry> entries)
        {
            var text = new StringBuilder();
            foreach (var entry in entries)
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                var number = entry.Number.ToString(CultureInfo.InvariantCulture);
                text.Append(number).Append(':').Append(MigrationId.Format(entry.Number, entry.Name)).Append(':').Append(entry.Checksum);
            }

            byte[] hash;
            try
            {
                using (var md5 = MD5.Create())
                {
                    hash = md5.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
                }
            }
            catch (System.Exception e) when (e is System.InvalidOperationException or System.PlatformNotSupportedException or CryptographicException)
            {
                return null;
            }

            var hex = new StringBuilder(hash.Length * 2);
            foreach (var b in hash)
            {
                hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }
    }
}
