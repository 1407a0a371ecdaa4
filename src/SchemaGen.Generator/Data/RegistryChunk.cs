namespace SchemaGen.Generator.Data
{
    /// <summary>
    /// Up to <see cref="Size"/> consecutive registry entries, emitted as one file and one method: an edit regenerates
    /// only its chunk, and a start-up that builds the descriptors compiles small methods rather than one huge one.
    /// </summary>
    internal sealed record RegistryChunk(int Index, int Offset, EquatableArray<RegistryEntry> Entries)
    {
        public const int Size = 100;
    }
}
