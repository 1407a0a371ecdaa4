using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SchemaGen.Planning;

/// <summary>
/// A fingerprint of a set of applied migrations: how many, whether all completed, and MD5 over
/// <c>number:id:checksum</c> lines in number order. The server computes it over the ledger in one small row;
/// when it equals this build's, every migration is applied with the same checksum and nothing else is recorded.
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
        var lines = new StringBuilder();
        foreach (var migration in migrations)
        {
            if (lines.Length > 0)
            {
                lines.Append('\n');
            }

            lines.Append(migration.Number.ToString(CultureInfo.InvariantCulture)).Append(':').Append(migration.Id).Append(':').Append(migration.Checksum);
        }

        var md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
        return new LedgerDigest(migrations.Count, AllApplied: true, md5);
    }
}
