using System.Collections.Immutable;

namespace SchemaGen.Generator.Data
{
    /// <summary>
    /// A diagnostic as equatable data: the descriptor's id, the message arguments, where it goes, and the properties a code
    /// fix reads (key, value, key, value…).
    /// </summary>
    internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs, EquatableArray<string> Properties)
    {
        public static DiagnosticInfo Create(string id, LocationInfo? location, params string[] messageArgs)
            => new DiagnosticInfo(id, location, new EquatableArray<string>(messageArgs), EquatableArray<string>.Empty);

        public DiagnosticInfo WithProperty(string key, string value)
            => this with { Properties = new EquatableArray<string>(System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Concat(Properties, new[] { key, value }))) };

        public ImmutableDictionary<string, string?> PropertyDictionary()
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            for (var i = 0; i + 1 < Properties.Count; i += 2)
            {
                properties[Properties[i]] = Properties[i + 1];
            }

            return properties.ToImmutable();
        }
    }
}
