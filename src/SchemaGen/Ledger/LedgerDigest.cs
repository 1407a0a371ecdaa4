using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SchemaGen.Ledger;

/// <summary>
/// A fingerprint of a set of applied migrations: how many, whether all completed, and MD5 over
/// <c>number:id:checksum</c> lines (joined by LF) in number order. The server computes it over the ledger in one small
/// row; when it equals this build's, every migration is applied with the same checksum and nothing else is recorded.
/// MD5 is a change detector here, not a security measure.
/// </summary>
internal readonly record struct LedgerDigest(long Count, bool AllApplied, string Md5)
{
    /// <summary>The SQL aggregate that yields the same lines on the server, for the ledger table given.</summary>
    public static string Query(string qualifiedTable) => $"""
        SELECT count(*), coalesce(bool_and(status = 'applied'), true),
               md5(coalesce(string_agg(number::text || ':' || migration_name || ':' || checksum, E'\n' ORDER BY number), ''))
        FROM {qualifiedTable}
        """;

    public static LedgerDigest Of(IReadOnlyList<MigrationDescriptor> migrations)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var chunk = ArrayPool<byte>.Shared.Rent(8192);
        var used = 0;
        try
        {
            for (var i = 0; i < migrations.Count; i++)
            {
                var migration = migrations[i];
                var longest = 13 + Encoding.UTF8.GetMaxByteCount(migration.Id.Length + migration.Checksum.Length);
                if (used + longest > chunk.Length)
                {
                    md5.AppendData(chunk, 0, used);
                    used = 0;
                    if (longest > chunk.Length)
                    {
                        ArrayPool<byte>.Shared.Return(chunk);
                        chunk = ArrayPool<byte>.Shared.Rent(longest);
                    }
                }

                if (i > 0)
                {
                    chunk[used++] = (byte)'\n';
                }

                migration.Number.TryFormat(chunk.AsSpan(used), out var written, provider: CultureInfo.InvariantCulture);
                used += written;
                chunk[used++] = (byte)':';
                used += Encoding.UTF8.GetBytes(migration.Id, chunk.AsSpan(used));
                chunk[used++] = (byte)':';
                used += Encoding.UTF8.GetBytes(migration.Checksum, chunk.AsSpan(used));
            }

            md5.AppendData(chunk, 0, used);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new LedgerDigest(migrations.Count, AllApplied: true, Convert.ToHexStringLower(md5.GetHashAndReset()));
    }
}
