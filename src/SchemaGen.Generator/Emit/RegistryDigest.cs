using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SchemaGen.Generator.Data;

namespace SchemaGen.Generator.Emit
{
    /// <summary>
    /// The registry's digest, computed at compile time exactly as the ledger's head holds it on the server: the XOR of MD5
    /// over each migration's <c>number:id:checksum</c> line, the id being the number zero-padded to three digits, '_' and the
    /// name; 32 lowercase hex digits. A change detector, not a security measure.
    /// </summary>
    internal static class RegistryDigest
    {
        /// <returns>The digest, or null where MD5 is not available (a FIPS-only host): the runtime then computes it at start-up.</returns>
        public static string? Of(EquatableArray<RegistryEntry> entries, EquatableArray<RegistryEntry> repeatables)
        {
            var digest = new byte[16];
            try
            {
                using (var md5 = MD5.Create())
                {
                    foreach (var entry in entries)
                    {
                        Add(md5, digest, entry.Number.ToString(CultureInfo.InvariantCulture) + ":" + MigrationId.Format(entry.Number, entry.Name) + ":" + entry.Checksum);
                    }

                    // A repeatable migration's number is NULL in the ledger, an empty string in its line.
                    foreach (var repeatable in repeatables)
                    {
                        Add(md5, digest, ":" + MigrationId.Repeatable(repeatable.Name) + ":" + repeatable.Checksum);
                    }
                }
            }
            catch (System.Exception e) when (e is System.InvalidOperationException or System.PlatformNotSupportedException or CryptographicException)
            {
                return null;
            }

            return Hex(digest);
        }

        private static void Add(MD5 md5, byte[] digest, string line)
        {
            var hash = md5.ComputeHash(Encoding.UTF8.GetBytes(line));
            for (var i = 0; i < digest.Length; i++)
            {
                digest[i] ^= hash[i];
            }
        }

        private static string Hex(byte[] digest)
        {
            var hex = new StringBuilder(digest.Length * 2);
            foreach (var b in digest)
            {
                hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }
    }
}
