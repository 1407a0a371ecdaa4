using SchemaGen.SqlParsing;

namespace SchemaGen.Applying;

/// <summary>
/// What a statement that ran creates, for the per-migration counts the start-up log shows: <c>CREATE TABLE</c> (not a temporary
/// one), <c>CREATE INDEX</c>, and each <c>ADD [COLUMN]</c> of an <c>ALTER TABLE</c>. Unknown where the statement decides for itself
/// (<c>IF NOT EXISTS</c>, <c>ALTER TABLE IF EXISTS</c>) or can run anything (<c>DO</c>, <c>CALL</c>, <c>EXECUTE</c>).
/// </summary>
internal static class CreatedObjects
{
    private static readonly string[] NotColumns = ["CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE"];

    public static MigrationStats Of(SqlStatement statement)
    {
        if (statement.StartsWith("DO") || statement.StartsWith("CALL") || statement.StartsWith("EXECUTE"))
        {
            return MigrationStats.Unknown;
        }

        if (statement.StartsWith("CREATE"))
        {
            return Create(statement);
        }

        return statement.StartsWith("ALTER", "TABLE") ? AddedColumns(statement) : default;
    }

    private static MigrationStats Create(SqlStatement statement)
    {
        var i = 1;
        var temporary = false;
        while (statement.HasAt(i, "GLOBAL") || statement.HasAt(i, "LOCAL") || statement.HasAt(i, "TEMP") || statement.HasAt(i, "TEMPORARY") || statement.HasAt(i, "UNLOGGED"))
        {
            temporary |= !statement.HasAt(i, "UNLOGGED");
            i++;
        }

        if (statement.HasAt(i, "TABLE"))
        {
            return temporary ? default : statement.HasAt(i + 1, "IF", "NOT", "EXISTS") ? MigrationStats.Unknown : new MigrationStats(1, 0, 0);
        }

        if (statement.HasAt(i, "UNIQUE"))
        {
            i++;
        }

        if (!statement.HasAt(i, "INDEX"))
        {
            return default;
        }

        i += statement.HasAt(i + 1, "CONCURRENTLY") ? 2 : 1;
        return statement.HasAt(i, "IF", "NOT", "EXISTS") ? MigrationStats.Unknown : new MigrationStats(0, 0, 1);
    }

    /// <summary>The <c>ADD</c> actions at the statement's top level (not inside parentheses) that add a column.</summary>
    private static MigrationStats AddedColumns(SqlStatement statement)
    {
        var ifExists = statement.HasAt(2, "IF", "EXISTS");
        var i = ActionsStart(statement, ifExists ? 4 : 2);
        var columns = 0;
        var depth = 0;
        var actionStart = true;
        for (; i < statement.Tokens.Count; i++)
        {
            var symbol = statement.Tokens[i].Kind == SqlTokenKind.Symbol ? statement.Sql[statement.Tokens[i].Start] : '\0';
            if (symbol is '(' or ')')
            {
                depth += symbol == '(' ? 1 : -1;
            }
            else if (depth == 0 && symbol == ',')
            {
                actionStart = true;
                continue;
            }
            else if (depth == 0 && actionStart && statement.HasAt(i, "ADD"))
            {
                var next = statement.HasAt(i + 1, "COLUMN") ? i + 2 : i + 1;
                if (ifExists || statement.HasAt(next, "IF", "NOT", "EXISTS"))
                {
                    return MigrationStats.Unknown;
                }

                if (!NotColumns.Any(keyword => statement.HasAt(next, keyword)))
                {
                    columns++;
                }
            }

            actionStart = false;
        }

        return new MigrationStats(0, columns, 0);
    }

    /// <summary>The token after <c>[ONLY] name [*]</c>, the name qualified or not.</summary>
    private static int ActionsStart(SqlStatement statement, int i)
    {
        if (statement.HasAt(i, "ONLY"))
        {
            i++;
        }

        i++;
        while (i + 1 < statement.Tokens.Count && IsSymbol(statement, i, '.'))
        {
            i += 2;
        }

        return i < statement.Tokens.Count && IsSymbol(statement, i, '*') ? i + 1 : i;
    }

    private static bool IsSymbol(SqlStatement statement, int index, char symbol)
        => statement.Tokens[index].Kind == SqlTokenKind.Symbol && statement.Sql[statement.Tokens[index].Start] == symbol;
}
