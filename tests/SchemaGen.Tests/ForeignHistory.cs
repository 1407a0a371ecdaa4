using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SchemaGen.Adopting;
using static SchemaGen.Tests.TestMigrations;

namespace SchemaGen.Tests;

/// <summary>
/// A generated history of another tool over a generated build: migration n creates table t{n} with a foreign key to t{n-1}, and
/// the other tool applied the first <see cref="Applied"/> of them, recording a row each as it does.
/// </summary>
internal static class ForeignHistory
{
    public const int Applied = 200;

    public static readonly MigrationDescriptor[] Build = Enumerable.Range(1, 220).Select(n => Sql(n, $"create_table_{n}", Ddl(n))).ToArray();

    public static string Ddl(int n)
        => n == 1 ? "CREATE TABLE t1 (id int PRIMARY KEY);\n" : $"CREATE TABLE t{n} (id int PRIMARY KEY, parent int REFERENCES t{n - 1});\n";

    public static long SqlxVersion(int n) => 20240101000000 + (n * 100);

    public static List<Row> Sqlx() => Enumerable.Range(1, Applied)
        .Select(n => new Row(SqlxVersion(n).ToString(CultureInfo.InvariantCulture), $"create table {n}", Convert.ToHexStringLower(SHA384.HashData(Encoding.UTF8.GetBytes(Ddl(n))))))
        .ToList();

    public static List<Row> Flyway() => Enumerable.Range(1, Applied)
        .Select(n => new Row(n.ToString(CultureInfo.InvariantCulture), $"create table {n}", ForeignChecksum.Flyway(Ddl(n))))
        .ToList();

    /// <summary>Applies the first <see cref="Applied"/> migrations as the other tool did, and writes its history table.</summary>
    public static async Task WriteAsync(NpgsqlDataSource db, MigrationHistorySource source, IReadOnlyList<Row> rows)
    {
        await db.ExecuteAsync(string.Concat(Enumerable.Range(1, Applied).Select(Ddl)));
        var sql = new StringBuilder();
        if (source == MigrationHistorySource.Sqlx)
        {
            sql.Append("""
                CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),
                                               success BOOLEAN NOT NULL, checksum BYTEA NOT NULL, execution_time BIGINT NOT NULL);
                INSERT INTO _sqlx_migrations VALUES
                """);
            sql.AppendJoin(",\n", rows.Select((row, i) =>
                $"({row.Version}, '{row.Description}', '2024-01-01 00:00+00'::timestamptz + interval '{i} minutes', {(row.Success ? "true" : "false")}, '\\x{row.Checksum}', {(i + 1) * 1000000})"));
        }
        else
        {
            sql.Append("""
                CREATE TABLE flyway_schema_history (
                    installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL,
                    script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(),
                    execution_time INT NOT NULL, success BOOLEAN NOT NULL);
                INSERT INTO flyway_schema_history VALUES
                  (1, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"public"', NULL, 'app', '2024-01-01 00:00', 0, true),
                """);
            sql.AppendJoin(",\n", rows.Select((row, i) =>
                $"({i + 2}, '{row.Version}', '{row.Description}', '{row.Type}', 'V{row.Version}__{row.Description.Replace(' ', '_')}.sql', {row.Checksum ?? "NULL"}, 'app', " +
                $"'2024-01-01 00:00'::timestamp + interval '{i + 1} minutes', {i + 1}, {(row.Success ? "true" : "false")})"));
        }

        await db.ExecuteAsync(sql.Append(';').ToString());
    }

    /// <summary>
    /// The catalog of the public schema (every relation and constraint), whether a ledger exists, and the other tool's table's
    /// content: what a refused import must leave as it was.
    /// </summary>
    public static async Task<string> SnapshotAsync(NpgsqlDataSource db, MigrationHistorySource source)
    {
        var table = source == MigrationHistorySource.Sqlx ? "_sqlx_migrations" : "flyway_schema_history";
        return await db.ScalarAsync<string>($"""
            SELECT concat_ws(' | ',
                (SELECT string_agg(relname || ':' || relkind::text, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace),
                (SELECT string_agg(conname, ',' ORDER BY conname) FROM pg_constraint WHERE connamespace = 'public'::regnamespace),
                coalesce(to_regclass('schema_migrations')::text, 'no ledger'),
                (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM {table} t))
            """) ?? "";
    }

    /// <summary>A history row: the tool's version, description and checksum (sqlx hex, Flyway integer), and for Flyway its type.</summary>
    public sealed record Row(string Version, string Description, string? Checksum, bool Success = true, string Type = "SQL");
}
