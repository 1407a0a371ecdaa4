using System.Runtime.InteropServices;

namespace SchemaGen.Comparison;

/// <summary>The comparison's markdown tables: medians, and ratios to the floor (no-op) or to raw Npgsql (apply).</summary>
internal static class Report
{
    private static readonly (string Key, string Label)[] NoOpRows =
    [
        ("floor", "floor: open + `SELECT 1` (JIT)"),
        ("floor-aot", "floor: open + `SELECT 1` (Native AOT)"),
        ("schemagen", "**SchemaGen** (JIT)"),
        ("schemagen-aot", "**SchemaGen** (Native AOT)"),
        ("efcore", "EF Core 10 `Database.MigrateAsync()`"),
        ("fluentmigrator", "FluentMigrator 8.0.1 `MigrateUp()`"),
        ("dbup", "DbUp (dbup-postgresql 7.0.1)"),
        ("evolve", "Evolve 3.2.0 `Migrate()`"),
    ];

    private static readonly (string Key, string Label)[] ApplyRows =
    [
        ("raw", "raw Npgsql, one transaction per statement"),
        ("schemagen", "**SchemaGen**"),
        ("efcore", "EF Core 10"),
        ("fluentmigrator", "FluentMigrator 8.0.1"),
        ("dbup", "DbUp 7.0.1"),
        ("evolve", "Evolve 3.2.0"),
    ];

    public static void Print(
        int[] sets,
        Dictionary<(string Tool, int Count), double> inProcess,
        Dictionary<(string Tool, int Count), double> wholeProcess,
        Dictionary<(string Tool, int Count), double> apply,
        int wholeProcessRuns)
    {
        Console.WriteLine($"# SchemaGen against the alternatives ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {RuntimeInformation.OSDescription}; PostgreSQL on loopback, fsync off)");
        Console.WriteLine();
        Console.WriteLine("## No-op start-up: every migration already applied");
        Console.WriteLine();
        Console.WriteLine("In-process: median of 50 calls after 10 warm-up calls, in one process. Whole process: median wall time of "
            + $"{wholeProcessRuns} runs of a program that migrates once and exits (process start, runtime start, JIT or not, connect, check); "
            + "the floor's database holds the same tables, since a new server process starts slower on a bigger catalog. "
            + "Ratios are to the floor of the same kind (JIT rows to the JIT floor, Native AOT rows to the AOT floor).");
        Console.WriteLine();
        var header = string.Concat(sets.Select(n => $" {n}: in-process | × | {n}: whole process | × |"));
        Console.WriteLine($"| tool |{header}");
        Console.WriteLine("|---|" + string.Concat(sets.Select(_ => "---:|---:|---:|---:|")));
        foreach (var (key, label) in NoOpRows)
        {
            var floor = key.EndsWith("-aot", StringComparison.Ordinal) ? "floor-aot" : "floor";
            var cells = string.Concat(sets.Select(n =>
                $" {Cell(inProcess, key, n)} | {Ratio(inProcess, key, "floor", n)} | {Cell(wholeProcess, key, n)} | {Ratio(wholeProcess, key, floor, n)} |"));
            Console.WriteLine($"| {label} |{cells}");
        }

        Console.WriteLine();
        Console.WriteLine("## Apply every migration to an empty database");
        Console.WriteLine();
        Console.WriteLine("In-process, after one warm-up apply to another database; median of 3 fresh databases. "
            + "Each migration is `CREATE TABLE t{n} (id int PRIMARY KEY, name text)`. Ratios are to raw Npgsql.");
        Console.WriteLine();
        Console.WriteLine("| tool |" + string.Concat(sets.Select(n => $" {n} migrations | × |")));
        Console.WriteLine("|---|" + string.Concat(sets.Select(_ => "---:|---:|")));
        foreach (var (key, label) in ApplyRows)
        {
            Console.WriteLine($"| {label} |" + string.Concat(sets.Select(n => $" {Cell(apply, key, n)} | {Ratio(apply, key, "raw", n)} |")));
        }
    }

    private static string Cell(Dictionary<(string, int), double> values, string key, int count)
        => values.TryGetValue((key, count), out var ms) ? $"{ms:F2} ms" : "–";

    private static string Ratio(Dictionary<(string, int), double> values, string key, string baseline, int count)
        => values.TryGetValue((key, count), out var ms) && values.TryGetValue((baseline, count), out var floor)
            ? $"{ms / floor:F2}×"
            : "–";
}
