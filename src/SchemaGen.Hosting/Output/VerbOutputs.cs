using System.Text.Json.Serialization;

namespace SchemaGen.Hosting.Output;

// The documented shapes of --output json (docs/json/*.schema.json). Version 1: a field is only ever added; a removal or a
// change of meaning comes with OutputVersion 2.

internal sealed record StatusOutput(IReadOnlyList<MigrationJson> Migrations)
{
    [JsonPropertyOrder(-2)]
    public int OutputVersion => VerbOutput.Version;

    [JsonPropertyOrder(-1)]
    public string Verb => "status";
}

internal sealed record VerifyOutput(string State, int ExitCode, IReadOnlyList<MigrationJson> Problems)
{
    [JsonPropertyOrder(-2)]
    public int OutputVersion => VerbOutput.Version;

    [JsonPropertyOrder(-1)]
    public string Verb => "verify";

    /// <summary>With <c>--schema</c> only: the schema check.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SchemaJson? Schema { get; init; }
}

internal sealed record MigrateOutput(IReadOnlyList<AppliedJson> Applied, int AlreadyApplied, bool LedgerCreated, long ElapsedMs)
{
    [JsonPropertyOrder(-2)]
    public int OutputVersion => VerbOutput.Version;

    [JsonPropertyOrder(-1)]
    public string Verb => "migrate";
}

internal sealed record ScriptOutput(bool Complete, bool CreatesLedger, IReadOnlyList<ScriptedJson> Migrations, ScriptedJson? StoppedAt, int NotScripted, string Sql)
{
    [JsonPropertyOrder(-2)]
    public int OutputVersion => VerbOutput.Version;

    [JsonPropertyOrder(-1)]
    public string Verb => "script";
}

internal sealed record ErrorOutput([property: JsonPropertyOrder(-1)] string Verb, ErrorJson Error)
{
    [JsonPropertyOrder(-2)]
    public int OutputVersion => VerbOutput.Version;
}

internal sealed record MigrationJson(int Number, string Id, string State, string Description, DateTimeOffset? AppliedAt, int? ExecutionTimeMs);

internal sealed record AppliedJson(int Number, string Id, long ElapsedMs, CountsJson? Counts);

internal sealed record CountsJson(int TablesCreated, int ColumnsAdded, int IndexesCreated);

internal sealed record ScriptedJson(int Number, string Id, bool Transactional);

internal sealed record ErrorJson(string Message, string? Migration);

internal sealed record SchemaJson(bool Clean, int ObjectsCompared, int UnknownObjects, IReadOnlyList<SchemaDriftJson> Differences);

internal sealed record SchemaDriftJson(string Kind, string Object, string? Expected, string? Actual);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StatusOutput))]
[JsonSerializable(typeof(VerifyOutput))]
[JsonSerializable(typeof(MigrateOutput))]
[JsonSerializable(typeof(ScriptOutput))]
[JsonSerializable(typeof(ErrorOutput))]
internal sealed partial class VerbJson : JsonSerializerContext;
