using System.Text.Json.Serialization;

namespace NotesApi;

/// <summary>A note as the API reads and writes it.</summary>
public sealed record Note(long Id, string Text, DateTimeOffset CreatedAt);

/// <summary>A note to add.</summary>
public sealed record NewNote(string Text);

/// <summary>Source-generated JSON for the API's types, so the app needs no reflection to serialize them.</summary>
[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(Note[]))]
[JsonSerializable(typeof(NewNote))]
internal sealed partial class NotesJson : JsonSerializerContext;
