using SchemaGen.SqlParsing;

namespace SchemaGen.Ledger;

/// <summary>
/// What an edit changed in a SQL migration, as PostgreSQL reads it: comments and whitespace are not tokens, and keywords and
/// unquoted identifiers compare case-folded. Statements are matched first; a changed statement is then compared token by token.
/// Each change is one line: <c>statement 2: removed «50» added «80»</c> (numbered as in this build's file), or
/// <c>recorded statement 3: removed «…»</c> for a statement the edit dropped.
/// </summary>
internal static class SqlTokenDiff
{
    /// <summary>The longest common subsequence table is kept to this many cells (16 MB); past it, the differing middle is one change.</summary>
    private const long MaxCells = 4_000_000;

    /// <returns>The changes, in order; empty when the database would run the same statements.</returns>
    public static IReadOnlyList<string> Changes(string recorded, string current)
    {
        var before = Statements(recorded);
        var after = Statements(current);
        var changes = new List<string>();
        foreach (var (removedFrom, removedTo, addedFrom, addedTo) in Hunks(before, after, (x, y) => x.Key == y.Key))
        {
            var paired = Math.Min(removedTo - removedFrom, addedTo - addedFrom);
            for (var i = 0; i < paired; i++)
            {
                var (old, @new) = (before[removedFrom + i], after[addedFrom + i]);
                foreach (var (wordFrom, wordTo, newFrom, newTo) in Hunks(old.Words, @new.Words, (x, y) => x.Folded == y.Folded))
                {
                    var removed = wordTo > wordFrom ? $" removed «{Text(recorded, old.Words, wordFrom, wordTo)}»" : "";
                    var added = newTo > newFrom ? $" added «{Text(current, @new.Words, newFrom, newTo)}»" : "";
                    changes.Add($"statement {addedFrom + i + 1}:{removed}{added}");
                }
            }

            for (var i = removedFrom + paired; i < removedTo; i++)
            {
                changes.Add($"recorded statement {i + 1}: removed «{Text(recorded, before[i].Words, 0, before[i].Words.Count)}»");
            }

            for (var i = addedFrom + paired; i < addedTo; i++)
            {
                changes.Add($"statement {i + 1}: added «{Text(current, after[i].Words, 0, after[i].Words.Count)}»");
            }
        }

        return changes;
    }

    /// <summary>The statements of a migration, each its tokens without the closing semicolon.</summary>
    private static List<Statement> Statements(string sql)
    {
        var statements = new List<Statement>();
        var words = new List<Word>();
        foreach (var token in SqlTokenizer.Tokenize(sql))
        {
            if (token.Kind == SqlTokenKind.Semicolon)
            {
                if (words.Count > 0)
                {
                    statements.Add(new Statement(words));
                    words = [];
                }

                continue;
            }

            var text = sql.Substring(token.Start, token.Length);
            words.Add(new Word(token.Kind == SqlTokenKind.Word ? SqlChecksum.FoldAscii(text) : text.Replace("\r\n", "\n"), token.Start, token.Length));
        }

        if (words.Count > 0)
        {
            statements.Add(new Statement(words));
        }

        return statements;
    }

    /// <summary>The differing runs of two lists, after their common start and end: (removed from, to, added from, to).</summary>
    private static List<(int, int, int, int)> Hunks<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, T, bool> same)
    {
        var start = 0;
        while (start < before.Count && start < after.Count && same(before[start], after[start]))
        {
            start++;
        }

        var (endBefore, endAfter) = (before.Count, after.Count);
        while (endBefore > start && endAfter > start && same(before[endBefore - 1], after[endAfter - 1]))
        {
            endBefore--;
            endAfter--;
        }

        var (rows, columns) = (endBefore - start, endAfter - start);
        var hunks = new List<(int, int, int, int)>();
        if (rows == 0 && columns == 0)
        {
            return hunks;
        }

        if (rows == 0 || columns == 0 || (long)(rows + 1) * (columns + 1) > MaxCells)
        {
            hunks.Add((start, endBefore, start, endAfter));
            return hunks;
        }

        // common[i, j]: the longest common subsequence of the middles from before[start + i] and after[start + j] on.
        var common = new int[rows + 1, columns + 1];
        for (var i = rows - 1; i >= 0; i--)
        {
            for (var j = columns - 1; j >= 0; j--)
            {
                common[i, j] = same(before[start + i], after[start + j]) ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        int x = 0, y = 0, hunkX = -1, hunkY = -1;
        while (x < rows || y < columns)
        {
            if (x < rows && y < columns && same(before[start + x], after[start + y]))
            {
                if (hunkX >= 0)
                {
                    hunks.Add((start + hunkX, start + x, start + hunkY, start + y));
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
            hunks.Add((start + hunkX, start + rows, start + hunkY, start + columns));
        }

        return hunks;
    }

    /// <summary>The source text from one token to another, as written, line breaks as spaces.</summary>
    private static string Text(string sql, List<Word> words, int from, int to)
    {
        var start = words[from].Start;
        var end = words[to - 1].Start + words[to - 1].Length;
        return sql[start..end].ReplaceLineEndings(" ");
    }

    private readonly record struct Word(string Folded, int Start, int Length);

    private sealed class Statement(List<Word> words)
    {
        public List<Word> Words { get; } = words;

        public string Key { get; } = string.Join("\u0001", words.Select(word => word.Folded));
    }
}
