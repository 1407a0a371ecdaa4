using SchemaGen.Ledger;

namespace SchemaGen.Tests;

/// <summary>What <c>repair checksum</c> shows of an edit: the tokens PostgreSQL reads, keyword and identifier case folded.</summary>
public class SqlTokenDiffTests
{
    [Theory]
    [InlineData("CREATE TABLE users (name VARCHAR(50));", "-- users\ncreate table Users (\n  name varchar(50)\n);")]
    [InlineData("SELECT 1", "select  1 /* one */")]
    public void Comments_whitespace_and_keyword_case_are_no_change(string recorded, string current)
        => Assert.Empty(SqlTokenDiff.Changes(recorded, current));

    [Fact]
    public void A_changed_type_names_the_statement_and_the_text_removed_and_added()
        => Assert.Equal(
            ["statement 2: removed «50» added «80»"],
            SqlTokenDiff.Changes("CREATE TABLE a (id int);\nALTER TABLE a ADD b varchar(50);", "CREATE TABLE a (id int);\nALTER TABLE a ADD b varchar(80);"));

    [Fact]
    public void A_string_or_a_quoted_identifier_keeps_its_case()
        => Assert.Equal(
            ["statement 1: removed «'Info'» added «'info'»", "statement 2: removed «\"Users\"» added «\"users\"»"],
            SqlTokenDiff.Changes("UPDATE t SET level = 'Info';\nDROP TABLE \"Users\";", "UPDATE t SET level = 'info';\nDROP TABLE \"users\";"));

    [Fact]
    public void A_changed_statement_shows_its_tokens_and_a_dropped_or_added_one_shows_whole()
        => Assert.Equal(
            ["statement 1: added «NOT NULL»", "recorded statement 2: removed «CREATE INDEX i ON t (a)»", "statement 3: added «CREATE INDEX j ON t (a)»"],
            SqlTokenDiff.Changes(
                "CREATE TABLE t (a int);\nCREATE INDEX i ON t (a);\nSELECT 1;",
                "CREATE TABLE t (a int NOT NULL);\nSELECT 1;\nCREATE INDEX j ON t (a);"));

    [Fact]
    public void Past_the_comparison_budget_statements_pair_in_order_and_only_the_edited_ones_show()
    {
        var recorded = string.Concat(Enumerable.Range(0, 2500).Select(i => $"INSERT INTO t VALUES ({i});\n"));
        var current = recorded.Replace("(7)", "(70)").Replace("(2400)", "(2401)");

        Assert.Equal(["statement 8: removed «7» added «70»", "statement 2401: removed «2400» added «2401»"], SqlTokenDiff.Changes(recorded, current));
    }
}
