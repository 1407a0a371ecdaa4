namespace SchemaGen.Hosting;

/// <summary>The import verb's mapping table: a row per row of the other tool's history, then each difference.</summary>
internal static class ImportPlanTable
{
    public static void Write(TextWriter output, HistoryImportPlan plan)
    {
        var key = $"{(plan.Source == MigrationHistorySource.Sqlx ? "sqlx" : "Flyway")} version";
        var keyWidth = Math.Max(key.Length, plan.Rows.Select(row => row.ForeignKey.Length).DefaultIfEmpty(0).Max());
        var descriptionWidth = Math.Min(40, Math.Max("description".Length, plan.Rows.Select(row => row.Description.Length).DefaultIfEmpty(0).Max()));
        var migrationWidth = Math.Max("migration".Length, plan.Rows.Select(row => row.Migration.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{key.PadRight(keyWidth)}  {"description".PadRight(descriptionWidth)}  {"migration".PadRight(migrationWidth)}  checksum".TrimEnd());
        foreach (var row in plan.Rows)
        {
            var description = row.Description.Length > descriptionWidth ? row.Description[..(descriptionWidth - 1)] + "…" : row.Description;
            output.WriteLine($"{row.ForeignKey.PadRight(keyWidth)}  {description.PadRight(descriptionWidth)}  {row.Migration.PadRight(migrationWidth)}  {row.Checksum}".TrimEnd());
        }

        foreach (var accepted in plan.AcceptedDifferences)
        {
            output.WriteLine($"accepted: {accepted}");
        }

        foreach (var difference in plan.Differences)
        {
            output.WriteLine($"difference: {difference}");
        }
    }
}
