using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SchemaGen.Ledger;

/// <summary>
/// A fingerprint of a set of applied migrations: how many, and the XOR of MD5 over each one's <c>number:id:checksum</c>
/// line (a repeatable one's number empty), as 32 lowercase hex digits. XOR makes it a set hash that a trigger can keep up to date one row at a time (add a
/// row: XOR its line in; remove it: XOR it out), so the ledger's head answers "is every migration applied as recorded?"
/// in one small row however long the ledger is. The number in each line is unique, so no two lines cancel out.
/// MD5 is a change detector here, not a security measure.
/// </summary>
internal readonly record struct LedgerDigest(long Count, string Hex)
{
    /// <summary>Whether <paramref name="bits"/>, a <c>bit(128)</c> as PostgreSQL prints it (128 characters, each 0 or 1), is this digest.</summary>
    public bool IsPrintedAs(string bits)
    {
        if (bits.Length != Hex.Length * 4)
        {
            return false;
        }

        for (var i = 0; i < Hex.Length; i++)
        {
            var nibble = Hex[i] <= '9' ? Hex[i] - '0' : (Hex[i] | 0x20) - 'a' + 10;
            for (var bit = 0; bit < 4; bit++)
            {
                if (bits[(i * 4) + bit] != ((nibble & (8 >> bit)) == 0 ? '0' : '1'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The digest of the numbered migrations and the repeatable ones (whose number is empty in their line, as NULL is in the ledger).</summary>
    public static LedgerDigest Of(IReadOnlyList<MigrationDescriptor> migrations, IReadOnlyList<MigrationDescriptor>? repeatables = null)
    {
        Span<byte> digest = stackalloc byte[16];
        Span<byte> hash = stackalloc byte[16];
        var line = new byte[256];
        foreach (var migration in repeatables is null ? migrations : migrations.Concat(repeatables))
        {
            var longest = 12 + Encoding.UTF8.GetMaxByteCount(migration.Id.Length + migration.Checksum.Length);
            if (longest > line.Length)
            {
                line = new byte[longest];
            }

            var used = 0;
            if (!migration.IsRepeatable)
            {
                migration.Number.TryFormat(line, out used, provider: CultureInfo.InvariantCulture);
            }

            line[used++] = (byte)':';
            used += Encoding.UTF8.GetBytes(migration.Id, line.AsSpan(used));
            line[used++] = (byte)':';
            used += Encoding.UTF8.GetBytes(migration.Checksum, line.AsSpan(used));
            MD5.HashData(line.AsSpan(0, used), hash);
            for (var i = 0; i < digest.Length; i++)
            {
                digest[i] ^= hash[i];
            }
        }

        return new LedgerDigest(migrations.Count + (repeatables?.Count ?? 0), Convert.ToHexStringLower(digest));
    }
}
