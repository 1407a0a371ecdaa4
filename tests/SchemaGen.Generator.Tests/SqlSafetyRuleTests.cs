using SchemaGen.SqlParsing.Lint;

namespace SchemaGen.Generator.Tests;

/// <summary>SG0302–SG0315 on SQL alone: what each rule flags, what it leaves alone, and what comments, strings and dollar quotes hide.</summary>
public class SqlSafetyRuleTests
{
    [Theory]
    [InlineData("SG0302", "CREATE INDEX CONCURRENTLY idx ON users (email)", true)]
    [InlineData("SG0302", "create unique index concurrently idx ON users (email)", true)]
    [InlineData("SG0302", "DROP INDEX CONCURRENTLY idx", true)]
    [InlineData("SG0302", "REINDEX INDEX CONCURRENTLY idx", true)]
    [InlineData("SG0302", "VACUUM ANALYZE users", true)]
    [InlineData("SG0302", "ALTER SYSTEM SET work_mem = '64MB'", true)]
    [InlineData("SG0302", "CREATE DATABASE reports", true)]
    [InlineData("SG0303", "CREATE INDEX idx ON users (email)", true)]
    [InlineData("SG0303", "CREATE UNIQUE INDEX IF NOT EXISTS idx ON ONLY app.users USING btree (email)", true)]
    [InlineData("SG0304", "ALTER TABLE users ADD COLUMN age int NOT NULL", true)]
    [InlineData("SG0304", "ALTER TABLE users ADD age int CONSTRAINT age_nn NOT NULL", true)]
    [InlineData("SG0305", "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()", true)]
    [InlineData("SG0305", "ALTER TABLE users ADD COLUMN seen timestamptz NOT NULL DEFAULT clock_timestamp()", true)]
    [InlineData("SG0305", "ALTER TABLE users ADD COLUMN row_id bigserial", true)]
    [InlineData("SG0305", "ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY", true)]
    [InlineData("SG0306", "ALTER TABLE users ALTER COLUMN age TYPE bigint", true)]
    [InlineData("SG0306", "ALTER TABLE users ALTER age SET DATA TYPE bigint USING age::bigint", true)]
    [InlineData("SG0306", "ALTER TABLE users ALTER age TYPE text USING age::text", true)]
    [InlineData("SG0304", "DELETE FROM tokens WHERE expired; ALTER TABLE tokens ADD COLUMN user_id int NOT NULL", true)]
    [InlineData("SG0307", "ALTER TABLE users ALTER COLUMN email SET NOT NULL", true)]
    [InlineData("SG0308", "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)", true)]
    [InlineData("SG0308", "ALTER TABLE orders ADD CHECK (total >= 0)", true)]
    [InlineData("SG0309", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)", true)]
    [InlineData("SG0309", "ALTER TABLE users ADD PRIMARY KEY (id)", true)]
    [InlineData("SG0310", "DROP TABLE users", true)]
    [InlineData("SG0310", "ALTER TABLE users DROP COLUMN email", true)]
    [InlineData("SG0310", "ALTER TABLE users RENAME COLUMN email TO mail", true)]
    [InlineData("SG0310", "ALTER TABLE users RENAME TO accounts", true)]
    [InlineData("SG0310", "DELETE FROM tokens; ALTER TABLE tokens DROP COLUMN user_id", true)]
    [InlineData("SG0311", "CREATE TABLE t (at timestamp NOT NULL)", true)]
    [InlineData("SG0311", "CREATE TABLE t (at timestamp(3) without time zone)", true)]
    [InlineData("SG0312", "CREATE TABLE t (name varchar(100))", true)]
    [InlineData("SG0312", "CREATE TABLE t (name character varying(100) NOT NULL)", true)]
    [InlineData("SG0313", "CREATE TABLE t (id serial)", true)]
    [InlineData("SG0314", "CREATE TABLE t (id int PRIMARY KEY)", true)]
    [InlineData("SG0314", "CREATE TABLE t (id serial PRIMARY KEY)", true)]
    [InlineData("SG0315", "CREATE TABLE t (doc json)", true)]
    [InlineData("SG0315", "ALTER TABLE t ADD COLUMN doc json", true)]
    public void Flags(string rule, string sql, bool transactional)
        => Assert.Contains(rule, Rules(sql, transactional));

    [Theory]
    [InlineData("SG0302", "CREATE INDEX CONCURRENTLY idx ON users (email)", false)]
    [InlineData("SG0302", "VACUUM users", false)]
    [InlineData("SG0303", "CREATE INDEX CONCURRENTLY idx ON users (email)", false)]
    [InlineData("SG0303", "CREATE TABLE users (id bigint, email text); CREATE INDEX idx ON users (email)", true)]
    [InlineData("SG0303", "CREATE TABLE app.\"Users\" (id bigint); CREATE INDEX idx ON app.\"Users\" (id)", true)]
    [InlineData("SG0304", "ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0", true)]
    [InlineData("SG0304", "ALTER TABLE users ADD COLUMN age int", true)]
    [InlineData("SG0304", "CREATE TABLE users (id bigint); ALTER TABLE users ADD COLUMN age int NOT NULL", true)]
    [InlineData("SG0305", "ALTER TABLE users ADD COLUMN created timestamptz NOT NULL DEFAULT now()", true)]
    [InlineData("SG0305", "ALTER TABLE users ADD COLUMN state text NOT NULL DEFAULT 'new'", true)]
    [InlineData("SG0306", "ALTER TABLE users ALTER COLUMN age SET DEFAULT 0", true)]
    [InlineData("SG0306", "ALTER TABLE post ALTER COLUMN url TYPE varchar(2000)", true)]
    [InlineData("SG0306", "ALTER TABLE post ALTER COLUMN url SET DATA TYPE text", true)]
    [InlineData("SG0304", "DELETE FROM tokens; ALTER TABLE tokens ADD COLUMN user_id int NOT NULL", true)]
    [InlineData("SG0304", "TRUNCATE TABLE tokens, sessions; ALTER TABLE tokens ADD COLUMN user_id int NOT NULL", true)]
    [InlineData("SG0307", "ALTER TABLE users ALTER COLUMN email DROP NOT NULL", true)]
    [InlineData("SG0308", "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID", true)]
    [InlineData("SG0308", "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk", true)]
    [InlineData("SG0308", "CREATE TABLE orders (id bigint); ALTER TABLE orders ADD CHECK (id > 0)", true)]
    [InlineData("SG0309", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx", true)]
    [InlineData("SG0310", "ALTER TABLE users DROP CONSTRAINT users_email_key", true)]
    [InlineData("SG0310", "ALTER TABLE users RENAME CONSTRAINT a TO b", true)]
    [InlineData("SG0310", "CREATE TABLE scratch (id bigint); DROP TABLE scratch", true)]
    [InlineData("SG0310", "DROP TABLE post_cache; CREATE TABLE post_cache (id bigint)", true)]
    [InlineData("SG0311", "CREATE TABLE t (at timestamptz, at2 timestamp with time zone)", true)]
    [InlineData("SG0312", "CREATE TABLE t (name text, code varchar)", true)]
    [InlineData("SG0313", "CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY)", true)]
    [InlineData("SG0314", "CREATE TABLE t (id bigint PRIMARY KEY, n int)", true)]
    [InlineData("SG0315", "CREATE TABLE t (doc jsonb)", true)]
    public void Leaves_alone(string rule, string sql, bool transactional)
        => Assert.DoesNotContain(rule, Rules(sql, transactional));

    [Theory]
    [InlineData("-- ALTER TABLE users DROP COLUMN email;\nSELECT 1")]
    [InlineData("/* DROP TABLE users; CREATE INDEX i ON users (a); */ SELECT 1")]
    [InlineData("SELECT 'DROP TABLE users; VACUUM'")]
    [InlineData("SELECT E'\\'; DROP TABLE users; --'")]
    [InlineData("DO $$ BEGIN EXECUTE 'DROP TABLE users'; COMMIT; END $$")]
    [InlineData("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $body$ BEGIN ALTER TABLE users DROP COLUMN email; CREATE INDEX i ON users (a); END $body$")]
    [InlineData("SELECT \"DROP TABLE users\" FROM t")]
    public void Nothing_inside_comments_strings_or_dollar_quotes_is_flagged(string sql)
        => Assert.Empty(Rules(sql, transactional: true));

    [Theory]
    [InlineData("-- schemagen-disable SG0303\nCREATE INDEX idx ON users (email)")]
    [InlineData("/* schemagen-disable SG0310, SG0303 */ CREATE INDEX idx ON users (email)")]
    public void A_schemagen_disable_comment_before_a_statement_turns_the_rule_off_for_it(string sql)
        => Assert.DoesNotContain("SG0303", Rules(sql, transactional: true));

    [Fact]
    public void A_disable_comment_covers_only_the_statement_after_it()
        => Assert.Equal(
            ["SG0303"],
            Rules("-- schemagen-disable SG0303\nCREATE INDEX a ON users (a);\nCREATE INDEX b ON users (b);", transactional: true));

    [Fact]
    public void Each_action_of_an_alter_table_is_checked_on_its_own_span()
    {
        const string sql = "ALTER TABLE users\n  ADD COLUMN age int NOT NULL,\n  ALTER COLUMN email SET NOT NULL";

        var findings = MigrationSqlLinter.Lint(sql, transactional: true);

        Assert.Equal(
            ["SG0304 ADD COLUMN age int NOT NULL", "SG0307 ALTER COLUMN email SET NOT NULL"],
            findings.Select(f => $"{f.Id} {sql.Substring(f.Start, f.Length)}"));
    }

    private static List<string> Rules(string sql, bool transactional)
        => MigrationSqlLinter.Lint(sql, transactional).Select(f => f.Id).ToList();
}
