namespace SchemaGen;

/// <summary>A difference between the model and the database that auto-schema reports but never changes.</summary>
/// <param name="Subject">What differs, such as <c>audit_logs.severity</c> or <c>index idx_audit_logs_severity</c>.</param>
/// <param name="Model">What the model says.</param>
/// <param name="Database">What the database has.</param>
public sealed record SchemaDifference(string Subject, string Model, string Database)
{
    /// <inheritdoc />
    public override string ToString() => $"{Subject}: model {Model}, database {Database}";
}
