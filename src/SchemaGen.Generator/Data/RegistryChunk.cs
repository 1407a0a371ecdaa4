namespace SchemaGen.Generator.Data
{
    /// <summary>
    /// Up to <see cref="Size"/> consecutive registry entries, emitted as one file and one method: an edit regenerates
    /// only its chunk, and a start-up that builds the descriptors compiles small methods rather than one huge one.
    /// </summary>
    internal sealed record RegistryChunk(int Index, EquatableArray<RegistryEntry> Entries)
    {
        public const int Size = 100;

        /// <summary>Where the chunk's first entry goes in the registry's array.</summary>
        public int Offset => Index * Size;

        /// <summary>How many chunks hold <paramref name="entries"/> entries.</summary>
        public static int CountFor(int entries) => (entries + Size - 1) / Size;
    }
}
