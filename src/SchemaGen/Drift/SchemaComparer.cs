namespace SchemaGen.Drift;

/// <summary>
/// Compares the database with the expected schema, object by object, for every object the compiler knows. Objects it holds as
/// unknown are passed over; objects the database has beyond it count as extra only where it knows everything there is.
/// </summary>
internal sealed class SchemaComparer
{
    private readonly ExpectedSchema _expected;
    private readonly LiveCatalog _live;
    private readonly Func<string, string, bool> _isLedger;
    private readonly ILookup<(string Schema, string Table), ExpectedIndex> _expectedIndexes;
    private readonly ILookup<(string Schema, string Table), ExpectedIndex> _liveIndexes;
    private readonly List<SchemaDrift> _drifts = [];
    private int _compared;

    private SchemaComparer(ExpectedSchema expected, LiveCatalog live, Func<string, string, bool> isLedger)
    {
        _expected = expected;
        _live = live;
        _isLedger = isLedger;
        _expectedIndexes = expected.Indexes.ToLookup(index => (index.Schema, index.Table));
        _liveIndexes = live.Indexes.Values.ToLookup(index => (index.Schema, index.Table));
    }

    /// <param name="expected">What the migrations build.</param>
    /// <param name="live">What the database has.</param>
    /// <param name="isLedger">Whether a relation (schema, name) is SchemaGen's own ledger, which no migration makes.</param>
    public static SchemaVerification Compare(ExpectedSchema expected, LiveCatalog live, Func<string, string, bool> isLedger)
    {
        var comparer = new SchemaComparer(expected, live, isLedger);
        comparer.CompareRelations();
        comparer.CompareSequences();
        comparer.CompareTypes();
        var drifts = comparer._drifts.OrderBy(d => d.Object, StringComparer.Ordinal).ThenBy(d => d.Kind).ToList();
        return new SchemaVerification(drifts, comparer._compared, expected.UnknownObjectCount);
    }

    private void CompareRelations()
    {
        var known = new Dictionary<(string, string), ExpectedRelation>();
        foreach (var relation in _expected.Relations)
        {
            known[(relation.Schema, relation.Name)] = relation;
            if (!relation.Known)
            {
                continue;
            }

            _compared++;
            var name = Display(relation.Schema, relation.Name);
            if (!_live.Relations.TryGetValue((relation.Schema, relation.Name), out var live) || live.Kind == 'S')
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Missing, $"{KindName(relation.Kind)} {name}", null, null));
                continue;
            }

            if (!SameKind(relation.Kind, live.Kind))
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Differs, name, KindName(relation.Kind), KindName(live.Kind)));
                continue;
            }

            CompareColumns(relation, live, name);
            CompareConstraints(relation, live, name);
            CompareIndexes(relation, name);
        }

        if (!_expected.IsComplete)
        {
            return;
        }

        foreach (var live in _live.Relations.Values)
        {
            if (live.Kind != 'S' && !known.ContainsKey((live.Schema, live.Name)) && !_isLedger(live.Schema, live.Name))
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Extra, $"{KindName(live.Kind)} {Display(live.Schema, live.Name)}", null, null));
            }
        }
    }

    private void CompareColumns(ExpectedRelation relation, LiveRelation live, string table)
    {
        if (relation.Kind is not ('r' or 'p'))
        {
            return;
        }

        foreach (var column in relation.Columns)
        {
            var name = $"column {table}.{column.Name}";
            var actual = live.Columns.Find(c => c.Name == column.Name);
            if (actual is null)
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Missing, name, column.Type, null));
                continue;
            }

            if (column.Type is { } type && type != actual.Type)
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Differs, name, $"type {type}", $"type {actual.Type}"));
            }

            if (column.NotNull != actual.NotNull)
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Differs, name, column.NotNull ? "NOT NULL" : "NULL allowed", actual.NotNull ? "NOT NULL" : "NULL allowed"));
            }

            var defaultDiffers = column.Default switch
            {
                DefaultExpectation.None => actual.Default is not null,
                DefaultExpectation.SomeDefault => actual.Default is null,
                _ => actual.Default != column.DefaultText,
            };
            if (defaultDiffers)
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Differs, name, DescribeDefault(column.Default, column.DefaultText), actual.Default is null ? "no default" : $"default {actual.Default}"));
            }

            if (column.Identity != actual.Identity)
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Differs, name, DescribeIdentity(column.Identity), DescribeIdentity(actual.Identity)));
            }
        }

        foreach (var extra in live.Columns.Where(c => relation.Columns.TrueForAll(e => e.Name != c.Name)))
        {
            _drifts.Add(new SchemaDrift(SchemaDriftKind.Extra, $"column {table}.{extra.Name}", null, extra.Type));
        }
    }

    private void CompareConstraints(ExpectedRelation relation, LiveRelation live, string table)
    {
        foreach (var constraint in relation.Constraints)
        {
            var name = $"constraint {constraint.Name} on {table}";
            var actual = live.Constraints.Find(c => c.Name == constraint.Name);
            if (actual is null)
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Missing, name, Describe(constraint), null));
            }
            else if (Describe(actual) != Describe(constraint))
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Differs, name, Describe(constraint), Describe(actual)));
            }
        }

        if (relation.ConstraintsExact)
        {
            foreach (var extra in live.Constraints.Where(c => relation.Constraints.TrueForAll(e => e.Name != c.Name)))
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Extra, $"constraint {extra.Name} on {table}", null, Describe(extra)));
            }
        }
    }

    private void CompareIndexes(ExpectedRelation relation, string table)
    {
        var expected = _expectedIndexes[(relation.Schema, relation.Name)].ToList();
        foreach (var index in expected)
        {
            _compared++;
            var name = $"index {Display(index.Schema, index.Name)} on {table}";
            if (!_live.Indexes.TryGetValue((index.Schema, index.Name), out var actual))
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Missing, name, Describe(index), null));
            }
            else if (Describe(actual) != Describe(index) || actual.Table != index.Table)
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Differs, name, Describe(index), Describe(actual) + (actual.Table == index.Table ? "" : $" on {actual.Table}")));
            }
        }

        if (!relation.ConstraintsExact)
        {
            return;
        }

        foreach (var extra in _liveIndexes[(relation.Schema, relation.Name)].Where(i => expected.TrueForAll(e => e.Name != i.Name)))
        {
            _drifts.Add(new SchemaDrift(SchemaDriftKind.Extra, $"index {Display(extra.Schema, extra.Name)} on {table}", null, Describe(extra)));
        }
    }

    private void CompareSequences()
    {
        var unknownTables = _expected.Relations.Where(r => !r.Known).Select(r => (r.Schema, r.Name)).ToHashSet();
        foreach (var sequence in _expected.Sequences)
        {
            if (sequence.OwnerTable is { } owner && unknownTables.Contains((sequence.Schema, owner)))
            {
                continue;
            }

            _compared++;
            if (!(_live.Relations.TryGetValue((sequence.Schema, sequence.Name), out var live) && live.Kind == 'S'))
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Missing, $"sequence {Display(sequence.Schema, sequence.Name)}", null, null));
            }
        }

        if (!_expected.IsComplete)
        {
            return;
        }

        var expected = _expected.Sequences.Select(s => (s.Schema, s.Name)).ToHashSet();
        foreach (var live in _live.Relations.Values.Where(r => r.Kind == 'S'))
        {
            if (!expected.Contains((live.Schema, live.Name)) && !_isLedger(live.Schema, live.Name))
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Extra, $"sequence {Display(live.Schema, live.Name)}", null, null));
            }
        }
    }

    private void CompareTypes()
    {
        foreach (var type in _expected.Types.Where(t => t.Known))
        {
            _compared++;
            var name = $"type {Display(type.Schema, type.Name)}";
            if (!_live.Types.TryGetValue((type.Schema, type.Name), out var actual))
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Missing, name, null, null));
            }
            else if (type.Kind == 'e' && !type.Values.SequenceEqual(actual.Values, StringComparer.Ordinal))
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Differs, name, $"enum ({string.Join(", ", type.Values)})", $"enum ({string.Join(", ", actual.Values)})"));
            }
        }

        if (!_expected.IsComplete)
        {
            return;
        }

        var expected = _expected.Types.Select(t => (t.Schema, t.Name)).ToHashSet();
        foreach (var live in _live.Types.Values)
        {
            if (!expected.Contains((live.Schema, live.Name)))
            {
                _drifts.Add(new SchemaDrift(SchemaDriftKind.Extra, $"type {Display(live.Schema, live.Name)}", null, null));
            }
        }
    }

    private static bool SameKind(char expected, char actual) => expected == actual || (expected == 'r' && actual == 'p');

    private static string KindName(char kind) => kind switch
    {
        'v' => "view",
        'm' => "materialized view",
        'S' => "sequence",
        _ => "table",
    };

    private static string Display(string schema, string name) => schema == "public" ? name : $"{schema}.{name}";

    private static string DescribeDefault(DefaultExpectation expectation, string? text) => expectation switch
    {
        DefaultExpectation.None => "no default",
        DefaultExpectation.SomeDefault => "a default",
        _ => $"default {text}",
    };

    private static string DescribeIdentity(string identity) => identity switch
    {
        "a" => "GENERATED ALWAYS AS IDENTITY",
        "d" => "GENERATED BY DEFAULT AS IDENTITY",
        _ => "no identity",
    };

    private static string Describe(ExpectedConstraint constraint)
    {
        var kind = constraint.Kind switch
        {
            'p' => "PRIMARY KEY",
            'u' => "UNIQUE",
            'f' => "FOREIGN KEY",
            'c' => "CHECK",
            _ => "EXCLUDE",
        };
        var columns = constraint.Columns.Length == 0 ? "" : $" ({string.Join(", ", constraint.Columns)})";
        var references = constraint.Kind == 'f'
            ? $" REFERENCES {Display(constraint.ReferencedSchema ?? "public", constraint.ReferencedTable ?? "?")} ({string.Join(", ", constraint.ReferencedColumns)})"
            : "";
        return constraint.Kind == 'c' ? kind : kind + columns + references;
    }

    private static string Describe(ExpectedIndex index)
        => $"{(index.Unique ? "UNIQUE " : "")}{index.Method} ({string.Join(", ", index.Keys)}){(index.Partial ? " WHERE …" : "")}";
}
