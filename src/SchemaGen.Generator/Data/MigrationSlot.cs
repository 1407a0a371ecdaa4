namespace SchemaGen.Generator.Data
{
    /// <summary>
    /// Where the next SQL migration goes: its <see cref="Number"/>, the digits its file name is padded to (as the newest SQL
    /// migration's), and its <see cref="Folder"/> (the newest SQL migration's, else the project's migrations folder; null when
    /// neither is known).
    /// </summary>
    internal sealed record MigrationSlot(int Number, int Width, string? Folder)
    {
        public string FileName(string name) => Number.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Width, '0') + "_" + name + ".sql";
    }
}
