namespace SchemaGen;

/// <summary>
/// The SQL expression a model column defaults to, written into the column's <c>DEFAULT</c> as is:
/// <c>[DefaultValueSql("CURRENT_TIMESTAMP")]</c>, <c>[DefaultValueSql("'info'")]</c>.
/// </summary>
/// <param name="sql">The default expression, in SQL (string literals in single quotes).</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class DefaultValueSqlAttribute(string sql) : Attribute
{
    /// <summary>The default expression, in SQL.</summary>
    public string Sql { get; } = sql;
}
