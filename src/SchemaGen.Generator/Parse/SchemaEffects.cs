using System.Collections.Generic;
using System.Runtime.CompilerServices;
using SchemaGen.Generator.Data;
using SchemaGen.SqlParsing.Schema;

namespace SchemaGen.Generator.Parse
{
    /// <summary>What a C# migration's <c>UpAsync</c> does to the schema: its constant SQL read statement by statement, and its auto-schema calls.</summary>
    internal static class SchemaEffects
    {
        /// <summary>
        /// Effects by the steps they were read from: <see cref="ConstantSqlReader.ReadSteps"/> hands back the same array for a method
        /// of a file that did not change, and the generator's transform runs for every migration on every edit, so only an edited
        /// migration's SQL is read again.
        /// </summary>
        private static readonly ConditionalWeakTable<string?[], MigrationEffect> BySteps = new ConditionalWeakTable<string?[], MigrationEffect>();

        /// <param name="id">The migration's id.</param>
        /// <param name="steps">From <see cref="ConstantSqlReader.ReadSteps"/>: SQL, or null for an <c>AutoSchemaAsync</c> call; null when decided as it runs.</param>
        public static MigrationEffect OfSteps(string id, string?[]? steps)
        {
            if (steps is null)
            {
                return MigrationEffectReader.Opaque(id, "its UpAsync decides its SQL as it runs (only constant strings passed to context.ExecuteAsync can be followed)");
            }

            if (BySteps.TryGetValue(steps, out var known) && known.MigrationId == id)
            {
                return known;
            }

            var effect = Read(id, steps);
            BySteps.Remove(steps);
            try
            {
                BySteps.Add(steps, effect);
            }
            catch (System.ArgumentException)
            {
                // Another thread read the same steps first, to the same effect.
            }

            return effect;
        }

        private static MigrationEffect Read(string id, string?[] steps)
        {
            var changes = new List<SchemaChange>();
            var unfollowed = new List<string>();
            foreach (var step in steps)
            {
                if (step is null)
                {
                    changes.Add(new SchemaChange(ChangeKind.AutoSchema, default));
                    continue;
                }

                var effect = MigrationEffectReader.Read(id, step);
                changes.AddRange(effect.Changes);
                unfollowed.AddRange(effect.Unfollowed);
            }

            return new MigrationEffect(id, new EquatableArray<SchemaChange>(changes.ToArray()), new EquatableArray<string>(unfollowed.ToArray()));
        }
    }
}
