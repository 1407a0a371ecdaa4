using System.Collections.Generic;
using System.Globalization;
using SchemaGen.Generator.Data;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>Reads one migration's SQL, statement by statement, into what it does to the schema.</summary>
    internal static class MigrationEffectReader
    {
        /// <summary>The longest first line a list of unfollowed statements quotes.</summary>
        private const int QuotedLength = 80;

        public static MigrationEffect Read(string migrationId, string sql)
        {
            var writer = new EffectWriter();
            var unfollowed = new List<string>();
            foreach (var statement in SqlStatementSplitter.Split(sql))
            {
                if (!StatementEffects.Read(statement, writer))
                {
                    var line = statement.FirstLine;
                    unfollowed.Add("line " + statement.Line.ToString(CultureInfo.InvariantCulture) + ": " + (line.Length > QuotedLength ? line.Substring(0, QuotedLength) + "…" : line));
                }
            }

            return new MigrationEffect(migrationId, new EquatableArray<SchemaChange>(writer.Changes.ToArray()), new EquatableArray<string>(unfollowed.ToArray()));
        }

        /// <summary>A migration whose SQL is decided as it runs: anything may change.</summary>
        public static MigrationEffect Opaque(string migrationId, string why)
            => new MigrationEffect(
                migrationId,
                new EquatableArray<SchemaChange>(new[] { new SchemaChange(ChangeKind.MayTouchAnything, default) }),
                new EquatableArray<string>(new[] { why }));
    }
}
