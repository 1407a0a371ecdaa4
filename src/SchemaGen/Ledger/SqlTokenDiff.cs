using SchemaGen.SqlParsing;

namespace SchemaGen.Ledger;

/// <summary>
/// What an edit changed in a SQL migration, token by token as PostgreSQL reads it: comments and whitespace are not tokens, and
/// keywords and unquoted identifiers compare case-folded. Each change is one line naming the statement and the text removed and added.
/// </summary>
internal static class SqlTokenDiff
{
    /// <summary>The longest common subsequence table is kept to this many cells (16 MB); past it, the changed middle is one change.</summary>
    private const long MaxCells = 4_000_000;

    /// <returns>The changes, in order; empty when the database would run the same statements.</returns>
    public static IReadOnlyList<string> Changes(string recorded, string current)
    {
        var before = Words(recorded);
        var after = Words(current);
        var start = 0;
        while (start < before.Count && start < after.Count && before[start].Folded == after[start].Folded)
        {
            start++;
        }

        var endBefore = before.Count;
        var endAfter = after.Count;
        while (endBefore > start && endAfter > start && before[endBefore - 1].Folded == after[endAfter - 1].Folded)
        {
            endBefore--;
            endAfter--;
        }

        var changes = new List<string>();
        foreach (var (removedFrom, removedTo, addedFrom, addedTo) in Hunks(before, after, start, endBefore, start, endAfter))
        {
            var statement = 1 + before.Take(removedFrom).Count(word => word.Kind == SqlTokenKind.Semicolon);
            var removed = removedTo > removedFrom ? $" removed «{Text(recorded, before, removedFrom, removedTo)}»" : "";
            var added = addedTo > addedFrom ? $" added «{Text(current, after, addedFrom, addedTo)}»" : "";
            changes.Add($"statement {statement}:{removed}{added}");
        }

        return changes;
    }

    private static List<Word> Words(string sql)
        => SqlTokenizer.Tokenize(sql)
            .Select(token =>
            {
                var text = sql.Substring(token.Start, token.Length);
                return new Word(token.Kind, token.Kind == SqlTokenKind.Word ? SqlChecksum.FoldAscii(text) : text.Replace("\r\n", "\n"), token.Start, token.Length);
            })
            .ToList();

    /// <summary>The differing runs between two token lists' common prefix and suffix: (removed from, to, added from, to).</summary>
    private static IEnumerable<(int, int, int, int)> Hunks(List<Word> before, List<Word> after, int fromBefore, int toBefore, int fromAfter, int toAfter)
    {
        var rows = toBefore - fromBefore;
        var columns = toAfter - fromAfter;
        if (rows == 0 && columns == 0)
        {
            yield break;
        }

        if ((long)(rows + 1) * (columns + 1) > MaxCells)
        {
            yield return (fromBefore, toBefore, fromAfter, toAfter);
            yield break;
        }

        // common[i, j]: the longest common subsequence of before[fromBefore + i..] and after[fromAfter + j..].
        var common = new int[rows + 1, columns + 1];
        for (var i = rows - 1; i >= 0; i--)
        {
            for (var j = columns - 1; j >= 0; j--)
            {
                common[i, j] = before[fromBefore + i].Folded == after[fromAfter + j].Folded
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        int x = 0, y = 0, hunkX = -1, hunkY = -1;
        while (x < rows || y < columns)
        {
            if (x < rows && y < columns && before[fromBefore + x].Folded == after[fromAfter + y].Folded)
            {
                if (hunkX >= 0)
                {
                    yield return (fromBefore + hunkX, fromBefore + x, fromAfter + hunkY, fromAfter + y);
                    hunkX = -1;
                }

                x++;
                y++;
                continue;
            }

            if (hunkX < 0)
            {
                (hunkX, hunkY) = (x, y);
            }

            if (y >= columns || (x < rows && common[x + 1, y] >= common[x, y + 1]))
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        if (hunkX >= 0)
        {
            yield return (fromBefore + hunkX, fromBefore + rows, fromAfter + hunkY, fromAfter + columns);
        }
    }

    /// <summary>The source text from one token to another, as written, line breaks as spaces.</summary>
    private static string Text(string sql, List<Word> words, int from, int to)
    {
        var start = words[from].Start;
        var end = words[to - 1].Start + words[to - 1].Length;
        return sql[start..end].ReplaceLineEndings(" ");
    }

    private readonly record struct Word(SqlTokenKind Kind, string Folded, int Start, int Length);
}
