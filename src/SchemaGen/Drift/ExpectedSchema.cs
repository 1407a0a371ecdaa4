using System.ComponentModel;
using SchemaGen.Drift;

namespace SchemaGen;

/// <summary>
/// The schema the migrations build, as the generator read it from them at compile time: what <see cref="MigrationRunner.VerifySchemaAsync"/>
/// compares the database with. Objects a statement the compiler could not follow may have changed are held as unknown, and never compared.
/// </summary>
public sealed class ExpectedSchema
{
    private ExpectedSchema()
    {
    }

    /// <summary>Whether the compiler knows every object the migrations make; when not, objects the database has beyond it are not reported.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>How many tables, views, indexes, sequences and types it holds, unknown ones included.</summary>
    public int ObjectCount => Relations.Count + Indexes.Count + Sequences.Count + Types.Count;

    /// <summary>How many relations and types it holds as unknown: a statement it could not follow may have changed them.</summary>
    public int UnknownObjectCount => Relations.Count(r => !r.Known) + Types.Count(t => !t.Known);

    internal List<string> Schemas { get; } = [];

    internal List<ExpectedRelation> Relations { get; } = [];

    internal List<ExpectedIndex> Indexes { get; } = [];

    internal List<ExpectedSequence> Sequences { get; } = [];

    internal List<ExpectedType> Types { get; } = [];

    /// <summary>Reads the generated registry's text (see <c>ExpectedSchemaEmitter</c> in the generator).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ExpectedSchema Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var schema = new ExpectedSchema();
        ExpectedRelation? relation = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t').Select(Unescape).ToArray();
            switch (fields[0])
            {
                case "schemagen-schema":
                    if (fields[1] != "1")
                    {
                        throw new FormatException($"The expected schema is in format {fields[1]}; this SchemaGen reads format 1. Build the app with the SchemaGen package the runtime comes from.");
                    }

                    break;
                case "complete":
                    schema.IsComplete = fields[1] == "1";
                    break;
                case "schema":
                    schema.Schemas.Add(fields[1]);
                    break;
                case "relation":
                    relation = new ExpectedRelation(fields[1], fields[2], fields[3][0], fields[4] == "1", fields[5] == "1");
                    schema.Relations.Add(relation);
                    break;
                case "column":
                    relation!.Columns.Add(new ExpectedColumn(
                        fields[1], NullIfUnknown(fields[2]), fields[3] == "1", Default(fields[4]), fields[4].StartsWith('=') ? fields[4][1..] : null, fields[5]));
                    break;
                case "constraint":
                    relation!.Constraints.Add(new ExpectedConstraint(
                        fields[1], fields[2][0], List(fields[3]), EmptyAsNull(fields[4]), EmptyAsNull(fields[5]), List(fields[6])));
                    break;
                case "index":
                    schema.Indexes.Add(new ExpectedIndex(fields[1], fields[2], fields[3], fields[4] == "1", fields[5], List(fields[6]), fields[7] == "1"));
                    break;
                case "sequence":
                    schema.Sequences.Add(new ExpectedSequence(fields[1], fields[2], EmptyAsNull(fields[3])));
                    break;
                case "type":
                    schema.Types.Add(new ExpectedType(fields[1], fields[2], fields[3][0], fields[4] == "1", List(fields[5])));
                    break;
            }
        }

        return schema;
    }

    private static DefaultExpectation Default(string field)
        => field == "-" ? DefaultExpectation.None : field == "?" ? DefaultExpectation.SomeDefault : DefaultExpectation.Known;

    private static string? NullIfUnknown(string field) => field == "?" ? null : field;

    private static string? EmptyAsNull(string field) => field.Length == 0 ? null : field;

    private static string[] List(string field) => field.Length == 0 ? [] : field.Split('\u001f');

    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new System.Text.StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 1 < field.Length)
            {
                i++;
                text.Append(field[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var other => other });
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }
}
