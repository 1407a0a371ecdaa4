using System.Globalization;

namespace SchemaGen.Adopting;

/// <summary>
/// Matches each row of another tool's history to a migration by the tool's own key, never by counting: sqlx's description is
/// the migration's name; Flyway's whole-number version N is migration N (a <c>BASELINE</c> row at N stands for 1 to N), whose
/// name must be its description. An explicit mapping overrides either. Checksums are compared where the file gives them, and
/// every difference is collected, so one refusal lists them all.
/// </summary>
internal sealed class HistoryMapping
{
    private readonly MigrationHistorySource _source;
    private readonly string _table;
    private readonly IReadOnlyList<MigrationDescriptor> _migrations;
    private readonly MigrationRunnerOptions _options;
    private readonly Dictionary<string, MigrationDescriptor> _byName = new(StringComparer.Ordinal);
    private readonly List<HistoryImportRow> _rows = [];
    private readonly List<ImportDifference> _differences = [];
    private readonly SortedDictionary<int, AdoptedMigration> _adopted = [];
    private readonly Dictionary<int, string> _matchedBy = [];
    private readonly List<(ForeignRow Row, int? Number)> _inOrder = [];
    private (int Number, string By)? _latest;

    private HistoryMapping(MigrationHistorySource source, string table, IReadOnlyList<MigrationDescriptor> migrations, MigrationRunnerOptions options)
    {
        _source = source;
        _table = table;
        _migrations = migrations;
        _options = options;
        foreach (var migration in migrations)
        {
            _byName.TryAdd(migration.Name, migration);
        }
    }

    public static HistoryImportPlan Map(
        MigrationHistorySource source, string table, IEnumerable<ForeignRow> rows, IReadOnlyList<MigrationDescriptor> migrations, MigrationRunnerOptions options)
    {
        var mapping = new HistoryMapping(source, table, migrations, options);
        foreach (var row in rows)
        {
            mapping.Add(row);
        }

        return mapping.Finish();
    }

    private void Add(ForeignRow row)
    {
        if (row.Type == "SCHEMA" || row.Version is null)
        {
            Show(row, null, row.Type == "SCHEMA" ? "skipped: Flyway's schema marker" : "skipped: a repeatable migration, not one of SchemaGen's", "");
            return;
        }

        if (!row.Success)
        {
            Refuse(row, $"{Name(row)} is recorded as failed: resolve it with {SourceName} itself first, then import");
            return;
        }

        if (_options.ImportHistoryMapping is { } mapping && mapping.TryGetValue(row.Version, out var mapped))
        {
            if (mapped == 0)
            {
                Show(row, null, "left out by the mapping", "");
            }
            else if (mapped < 1 || mapped > _migrations.Count)
            {
                Refuse(row, $"the mapping sends {Name(row)} to {mapped}, which is not a migration of this build (1 to {_migrations.Count})");
            }
            else
            {
                Match(row, _migrations[mapped - 1], byMapping: true);
            }

            return;
        }

        if (_source == MigrationHistorySource.Sqlx)
        {
            if (_byName.TryGetValue(SnakeCase(row.Description), out var named))
            {
                Match(row, named, byMapping: false);
            }
            else
            {
                Refuse(row, $"{Name(row)} matches no migration of this build by name ('{SnakeCase(row.Description)}'). {MapOrLeaveOut(row)}");
            }

            return;
        }

        if (row.Type.StartsWith("UNDO", StringComparison.Ordinal) || row.Type == "DELETE")
        {
            Refuse(row, $"{Name(row)} is a Flyway {row.Type} row, which SchemaGen cannot take over: settle it with Flyway first, or {MapOrLeaveOut(row)}");
            return;
        }

        if (!int.TryParse(row.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            Refuse(row, $"{Name(row)} is not a whole number, and SchemaGen numbers migrations 1, 2, 3 and on. {MapOrLeaveOut(row)}");
        }
        else if (number > _migrations.Count)
        {
            Refuse(row, $"{Name(row)} has no migration {number} in this build, which has {_migrations.Count}. {MapOrLeaveOut(row)}");
        }
        else if (row.Type == "BASELINE")
        {
            MatchBaseline(row, number);
        }
        else
        {
            Match(row, _migrations[number - 1], byMapping: false);
        }
    }

    private void Match(ForeignRow row, MigrationDescriptor migration, bool byMapping)
    {
        if (!Claim(row, migration))
        {
            return;
        }

        // A mapped row was matched by a person; a row matched by its version should carry the migration's name.
        var described = SnakeCase(row.Description);
        if (!byMapping && described.Length > 0 && !string.Equals(described, migration.Name, StringComparison.Ordinal))
        {
            Differ(migration, true,
                $"{Name(row)} maps to {migration.Id} by its version, but its name differs ('{described}'): check the numbering, map the row to the " +
                $"right migration, or {Accept(migration)}");
        }

        Show(row, migration.Number, migration.Id, CompareChecksum(row, migration));
        _adopted[migration.Number] = new AdoptedMigration(migration.Number, row.InstalledOn, row.ExecutionTimeMs, $"{SourceName} version {row.Version}: {row.Description}");
    }

    /// <summary>A Flyway <c>BASELINE</c> row at N: a person told Flyway that 1 to N were in the schema.</summary>
    private void MatchBaseline(ForeignRow row, int number)
    {
        for (var n = 1; n <= number; n++)
        {
            if (!Claim(row, _migrations[n - 1]))
            {
                return;
            }

            _adopted[n] = new AdoptedMigration(n, row.InstalledOn, n == number ? row.ExecutionTimeMs : null, $"Flyway baseline {row.Version}: {row.Description}");
        }

        Show(row, number, $"{_migrations[0].Id} to {_migrations[number - 1].Id} (Flyway baseline)", "");
    }

    /// <summary>Takes the migration for the row; false, with the difference, when another row has it already.</summary>
    private bool Claim(ForeignRow row, MigrationDescriptor migration)
    {
        if (_matchedBy.TryGetValue(migration.Number, out var other))
        {
            Refuse(row, $"{Name(row)} and {other} both map to {migration.Id}. {MapOrLeaveOut(row)}");
            return false;
        }

        _matchedBy[migration.Number] = Name(row);
        if (_latest is { } latest && migration.Number < latest.Number)
        {
            Differ(migration, true,
                $"{Name(row)} maps to {migration.Id} but was applied after {latest.By}, which maps to {_migrations[latest.Number - 1].Id}: the other way round " +
                $"from SchemaGen's order, so the schema may differ from what the migrations build in order. Check it, or {Accept(migration)}");
        }
        else
        {
            _latest = (migration.Number, Name(row));
        }

        return true;
    }

    private string CompareChecksum(ForeignRow row, MigrationDescriptor migration)
    {
        if (migration.SqlText is not { } sql)
        {
            return "not compared: a C# migration";
        }

        if (row.Checksum is null)
        {
            return $"not compared: {SourceName} recorded none";
        }

        var computed = _source == MigrationHistorySource.Sqlx ? ForeignChecksum.Sqlx(sql) : ForeignChecksum.Flyway(sql);
        if (string.Equals(computed, row.Checksum, StringComparison.OrdinalIgnoreCase))
        {
            return "matches";
        }

        Differ(migration, true,
            $"{Name(row)} was applied with checksum {row.Checksum}, but {migration.Id}'s file gives {computed}: the file differs from the one {SourceName} ran. " +
            $"Check what changed, or {Accept(migration)}");
        return "differs";
    }

    private HistoryImportPlan Finish()
    {
        var highest = _adopted.Count == 0 ? 0 : _adopted.Keys.Max();
        for (var number = 1; number <= highest; number++)
        {
            if (!_adopted.ContainsKey(number))
            {
                var migration = _migrations[number - 1];
                _differences.Add(new ImportDifference(number, false,
                    $"{migration.Id} has no row in {_table}, though later migrations do: importing would record it as applied without a sign that it ran. " +
                    $"If it ran, restore its row; if a row above maps to it under another name, correct the mapping"));
            }
        }

        SuggestWhereNamesChanged();
        var accepted = _differences.Where(d => d.Acceptable && d.Number is { } n && _options.ImportAcceptedDifferences.Contains(n)).Select(d => d.Text).ToList();
        var refusing = _differences.Where(d => !(d.Acceptable && d.Number is { } n && _options.ImportAcceptedDifferences.Contains(n))).Select(d => d.Text).ToList();
        return new HistoryImportPlan(_source, _table, _rows, refusing, accepted, _adopted.Values.ToList());
    }

    /// <summary>
    /// An unmatched sqlx row between two matched ones, with exactly one unmatched migration between those, is most likely that
    /// migration renamed: its difference says so, and stands for that migration's missing row too.
    /// </summary>
    private void SuggestWhereNamesChanged()
    {
        for (var i = 0; i < _inOrder.Count; i++)
        {
            if (_inOrder[i].Number is not null || _inOrder[i].Row.Version is null || _inOrder[i].Row.Type == "SCHEMA")
            {
                continue;
            }

            var before = _inOrder.Take(i).LastOrDefault(entry => entry.Number is not null).Number ?? 0;
            var after = _inOrder.Skip(i + 1).FirstOrDefault(entry => entry.Number is not null).Number ?? _migrations.Count + 1;
            var candidates = Enumerable.Range(before + 1, Math.Max(0, after - before - 1)).Where(n => !_adopted.ContainsKey(n)).ToList();
            if (candidates.Count == 1)
            {
                var text = $"{Name(_inOrder[i].Row)} matches no migration";
                var index = _differences.FindIndex(d => d.Number is null && d.Text.StartsWith(text, StringComparison.Ordinal));
                if (index >= 0)
                {
                    var candidate = _migrations[candidates[0] - 1];
                    _differences[index] = _differences[index] with
                    {
                        Text = _differences[index].Text +
                               $". It stands where {candidate.Id} would, which has no row: if that is it under another name, map it ('{_inOrder[i].Row.Version} {candidate.Number}')",
                    };
                    _differences.RemoveAll(d => d.Number == candidate.Number && !d.Acceptable && d.Text.StartsWith(candidate.Id + " has no row", StringComparison.Ordinal));
                }
            }
        }
    }

    private void Show(ForeignRow row, int? number, string migration, string checksum)
    {
        _rows.Add(new HistoryImportRow(row.Key, row.Description, number, migration, checksum));
        _inOrder.Add((row, number));
    }

    private void Refuse(ForeignRow row, string text)
    {
        Show(row, null, "refused", "");
        _differences.Add(new ImportDifference(null, false, text));
    }

    private void Differ(MigrationDescriptor migration, bool acceptable, string text)
        => _differences.Add(new ImportDifference(migration.Number, acceptable, text));

    private string Accept(MigrationDescriptor migration)
        => "accept it: " + Remedy.Of(_options, $"import {SourceVerb} --accept {migration.Number}", $"add {migration.Number} to MigrationRunnerOptions.ImportAcceptedDifferences");

    private string MapOrLeaveOut(ForeignRow row)
        => "Map it to a migration number, or to 0 to leave it out if this build has no such migration: " +
           Remedy.Of(_options, $"import {SourceVerb} --mapping FILE' with a line '{row.Version} NUMBER", $"set MigrationRunnerOptions.ImportHistoryMapping[\"{row.Version}\"]");

    private string Name(ForeignRow row) => $"{SourceName} version {row.Version} ({row.Description})";

    private string SourceName => _source == MigrationHistorySource.Sqlx ? "sqlx" : "Flyway";

    private string SourceVerb => _source == MigrationHistorySource.Sqlx ? "sqlx" : "flyway";

    /// <summary>The other tool's description as a SchemaGen name: sqlx and Flyway write the file name's words with spaces.</summary>
    private static string SnakeCase(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString().Trim('_');
    }
}
