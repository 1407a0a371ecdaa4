namespace SchemaGen.Generator.Data
{
    /// <summary>A diagnostic as equatable data: the descriptor's id, the message arguments and where it goes.</summary>
    internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs)
    {
        public static DiagnosticInfo Create(string id, LocationInfo? location, params string[] messageArgs)
            => new DiagnosticInfo(id, location, new EquatableArray<string>(messageArgs));
    }
}
