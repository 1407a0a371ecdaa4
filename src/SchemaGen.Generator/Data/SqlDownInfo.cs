namespace SchemaGen.Generator.Data
{
    /// <summary>A <c>.down.sql</c> file: the number and name of the migration it undoes, its SQL, and whether it runs in a transaction.</summary>
    internal sealed record SqlDownInfo(int Number, string Name, string FileName, string Sql, bool Transactional, LocationInfo Location);
}
