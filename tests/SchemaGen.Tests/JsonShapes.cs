using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace SchemaGen.Tests;

/// <summary>The documented JSON shapes (docs/json/NAME.v1.schema.json): a document is checked against its schema by JsonSchema.Net.</summary>
internal static class JsonShapes
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>Fails with every violation unless <paramref name="json"/> has the shape <paramref name="name"/>; returns the document's root.</summary>
    public static JsonElement Validate(string name, string json)
    {
        var schema = Schemas.GetOrAdd(name, static name => JsonSchema.FromFile(Path.Combine(Repository.Root(), "docs", "json", $"{name}.v1.schema.json")));
        var root = JsonDocument.Parse(json).RootElement;
        var results = schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"));
        Assert.True(results.IsValid, $"Not of the shape {name}.v1:\n{string.Join('\n', errors)}\n{json}");
        return root;
    }
}
