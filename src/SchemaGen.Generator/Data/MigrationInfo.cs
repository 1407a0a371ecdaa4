namespace SchemaGen.Generator.Data
{
    /// <summary>
    /// What the generator knows of one migration: a <c>[Migration]</c> class, or a <c>.sql</c> file (<see cref="Sql"/> set).
    /// <see cref="CanBeInstantiated"/> is false when the class breaks a rule the analyzer reports (SG0004);
    /// such a class is checked for numbering but left out of the registry, so the generated code still compiles.
    /// <see cref="ClassName"/> is what messages call it: the class name, or the file name of a SQL migration.
    /// <see cref="ConstantSql"/> is the SQL a C# migration sends when the generator can know it (see <c>ConstantSqlReader</c>).
    /// <see cref="Reversible"/>: a C# class overrides <c>DownAsync</c> (its SQL in <see cref="ConstantDownSql"/> when constant),
    /// or a SQL file has a <c>.down.sql</c> (its text in <see cref="DownSql"/>); <see cref="DownTransactional"/> is how its down runs.
    /// <see cref="Repeatable"/>: a <c>[RepeatableMigration]</c> class or an <c>R_name.sql</c> file, with no number (0).
    /// <see cref="Effect"/> is what it does to the schema, as far as the compiler can follow it. <see cref="HoldsDraft"/>: a SQL file
    /// with a <c>-- schemagen-draft:</c> line (SG0010).
    /// </summary>
    internal sealed record MigrationInfo(
        int Number,
        string Name,
        string Description,
        bool Transactional,
        string Checksum,
        string ClassName,
        string FullyQualifiedTypeName,
        bool CanBeInstantiated,
        LocationInfo? AttributeLocation,
        string? Sql = null,
        string? ConstantSql = null,
        bool Reversible = false,
        string? DownSql = null,
        string? ConstantDownSql = null,
        bool DownTransactional = true,
        bool Repeatable = false,
        SqlParsing.Schema.MigrationEffect? Effect = null,
        bool HoldsDraft = false);
}
