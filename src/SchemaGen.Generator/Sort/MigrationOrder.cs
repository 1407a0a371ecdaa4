using System.Collections.Generic;
using System.Collections.Immutable;
using SchemaGen.Generator.Data;

namespace SchemaGen.Generator.Sort
{
    /// <summary>Puts all migrations in one deterministic order: by number, then by file and position.</summary>
    internal static class MigrationOrder
    {
        public static EquatableArray<MigrationInfo> Sort(ImmutableArray<MigrationInfo> classes, IEnumerable<MigrationInfo> sqlFiles)
        {
            var sorted = new List<MigrationInfo>(classes.Length);
            sorted.AddRange(classes);
            sorted.AddRange(sqlFiles);
            sorted.Sort(Compare);
            return new EquatableArray<MigrationInfo>(sorted.ToArray());
        }

        /// <summary>The repeatable migrations, by name, then by file and position (of two sharing a name, SG0005 names the second).</summary>
        public static EquatableArray<MigrationInfo> SortRepeatables(ImmutableArray<MigrationInfo> classes, ImmutableArray<MigrationInfo> sqlFiles)
        {
            var sorted = new List<MigrationInfo>(classes.Length + sqlFiles.Length);
            sorted.AddRange(classes);
            sorted.AddRange(sqlFiles);
            sorted.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name) is var byName and not 0 ? byName : Compare(left, right));
            return new EquatableArray<MigrationInfo>(sorted.ToArray());
        }

        public static EquatableArray<RegistryEntry> ToRegistry(EquatableArray<MigrationInfo> sorted)
        {
            var entries = new List<RegistryEntry>(sorted.Count);
            foreach (var migration in sorted)
            {
                if (migration.CanBeInstantiated && (migration.Number >= 1 || migration.Repeatable))
                {
                    entries.Add(new RegistryEntry(
                        migration.Number,
                        migration.Name,
                        migration.Description,
                        migration.Transactional,
                        migration.Checksum,
                        migration.FullyQualifiedTypeName,
                        migration.Sql,
                        migration.ConstantSql,
                        migration.Reversible,
                        migration.DownSql,
                        migration.ConstantDownSql,
                        migration.DownTransactional,
                        migration.Repeatable));
                }
            }

            return new EquatableArray<RegistryEntry>(entries.ToArray());
        }

        private static int Compare(MigrationInfo left, MigrationInfo right)
        {
            var byNumber = left.Number.CompareTo(right.Number);
            if (byNumber != 0)
            {
                return byNumber;
            }

            var leftPath = left.AttributeLocation?.FilePath ?? string.Empty;
            var rightPath = right.AttributeLocation?.FilePath ?? string.Empty;
            var byFile = string.CompareOrdinal(leftPath, rightPath);
            if (byFile != 0)
            {
                return byFile;
            }

            var byPosition = (left.AttributeLocation?.Start ?? 0).CompareTo(right.AttributeLocation?.Start ?? 0);
            return byPosition != 0 ? byPosition : string.CompareOrdinal(left.FullyQualifiedTypeName, right.FullyQualifiedTypeName);
        }
    }
}
