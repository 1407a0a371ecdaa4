using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SchemaGen.Generator.LockFile
{
    /// <summary>A parsed JSON value with where it stands in the text, so problems can be reported at their line.</summary>
    internal abstract class JsonNode
    {
        protected JsonNode(TextSpan span) => Span = span;

        public TextSpan Span { get; }
    }

    internal sealed class JsonObject : JsonNode
    {
        public JsonObject(TextSpan span, IReadOnlyList<KeyValuePair<string, JsonNode>> properties)
            : base(span) => Properties = properties;

        public IReadOnlyList<KeyValuePair<string, JsonNode>> Properties { get; }

        public JsonNode? Get(string name)
        {
            foreach (var property in Properties)
            {
                if (property.Key == name)
                {
                    return property.Value;
                }
            }

            return null;
        }
    }

    internal sealed class JsonArray : JsonNode
    {
        public JsonArray(TextSpan span, IReadOnlyList<JsonNode> items)
            : base(span) => Items = items;

        public IReadOnlyList<JsonNode> Items { get; }
    }

    /// <summary>A string, number, true, false or null; <see cref="Value"/> is string, double, bool or null.</summary>
    internal sealed class JsonScalar : JsonNode
    {
        public JsonScalar(TextSpan span, object? value)
            : base(span) => Value = value;

        public object? Value { get; }
    }
}
