using System.Collections.Generic;
using System.Globalization;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Data;

namespace SchemaGen.Generator.Validate
{
    /// <summary>
    /// The checks that need every migration at once: duplicate numbers (SG0001), gaps (SG0002) and
    /// duplicate names (SG0005). Checks of one class alone are the analyzer's.
    /// </summary>
    internal static class RegistryValidator
    {
        /// <param name="migrations">All migrations, sorted by number and then by source position.</param>
        /// <param name="released">"number:name" of the migrations the lock file records: of two sharing a number, the released one keeps it.</param>
        public static EquatableArray<DiagnosticInfo> Validate(EquatableArray<MigrationInfo> migrations, EquatableArray<string> released)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var numbered = new List<MigrationInfo>();
            foreach (var migration in migrations)
            {
                if (migration.Number >= 1)
                {
                    numbered.Add(migration);
                }
            }

            ReportDuplicateNumbers(numbered, new HashSet<string>(released), diagnostics);
            ReportGaps(numbered, diagnostics);
            ReportDuplicateNames(migrations, diagnostics);
            return new EquatableArray<DiagnosticInfo>(diagnostics.ToArray());
        }

        /// <summary>
        /// Of the migrations sharing a number, the one the lock file records keeps it (it may be in production databases);
        /// without one, the first in source order does. Every other one is told the next free number.
        /// </summary>
        private static void ReportDuplicateNumbers(List<MigrationInfo> numbered, HashSet<string> released, List<DiagnosticInfo> diagnostics)
        {
            if (numbered.Count == 0)
            {
                return;
            }

            var free = new FreeNumbers(numbered);
            var start = 0;
            while (start < numbered.Count)
            {
                var end = start + 1;
                while (end < numbered.Count && numbered[end].Number == numbered[start].Number)
                {
                    end++;
                }

                var keeper = start;
                for (var i = start; i < end; i++)
                {
                    if (released.Contains(LockFile.LockFileLocator.Id(numbered[i].Number, numbered[i].Name)))
                    {
                        keeper = i;
                        break;
                    }
                }

                for (var i = start; i < end; i++)
                {
                    if (i == keeper)
                    {
                        continue;
                    }

                    var current = numbered[i];
                    var next = free.Next();
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.DuplicateNumber.Id,
                        current.AttributeLocation,
                        Format(current.Number),
                        numbered[keeper].ClassName,
                        current.ClassName,
                        next).WithProperty(Analyzers.FixProperty.FreeNumber, next));
                }

                start = end;
            }
        }

        private static void ReportGaps(List<MigrationInfo> numbered, List<DiagnosticInfo> diagnostics)
        {
            var expected = 1;
            foreach (var migration in numbered)
            {
                if (migration.Number < expected)
                {
                    continue;
                }

                if (migration.Number > expected)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.NumberGap.Id,
                        migration.AttributeLocation,
                        DescribeMissing(expected, migration.Number - 1),
                        migration.ClassName,
                        Format(migration.Number),
                        Format(expected)));
                }

                expected = migration.Number == int.MaxValue ? int.MaxValue : migration.Number + 1;
            }
        }

        /// <summary>The repeatable migrations' check: no two share a name (SG0005).</summary>
        public static EquatableArray<DiagnosticInfo> ValidateRepeatables(EquatableArray<MigrationInfo> repeatables)
        {
            var diagnostics = new List<DiagnosticInfo>();
            ReportDuplicateNames(repeatables, diagnostics);
            return new EquatableArray<DiagnosticInfo>(diagnostics.ToArray());
        }

        private static void ReportDuplicateNames(EquatableArray<MigrationInfo> migrations, List<DiagnosticInfo> diagnostics)
        {
            var owners = new Dictionary<string, MigrationInfo>();
            foreach (var migration in migrations)
            {
                if (migration.Name.Length == 0)
                {
                    continue;
                }

                if (owners.TryGetValue(migration.Name, out var owner))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidName.Id,
                        migration.AttributeLocation,
                        migration.ClassName,
                        $"'{migration.Name}' is also the name of '{owner.ClassName}'; give '{migration.ClassName}' a name no other migration uses"));
                }
                else
                {
                    owners.Add(migration.Name, migration);
                }
            }
        }

        /// <summary>Numbers to suggest: after the highest in use, or, once that is int.MaxValue, the lowest unused ones.</summary>
        private sealed class FreeNumbers
        {
            private readonly HashSet<int> _used = new HashSet<int>();
            private long _candidate;

            public FreeNumbers(List<MigrationInfo> numbered)
            {
                foreach (var migration in numbered)
                {
                    _used.Add(migration.Number);
                }

                _candidate = (long)numbered[numbered.Count - 1].Number + 1;
            }

            public string Next()
            {
                if (_candidate > int.MaxValue)
                {
                    _candidate = 1;
                }

                while (_used.Contains((int)_candidate))
                {
                    _candidate++;
                }

                _used.Add((int)_candidate);
                return Format((int)_candidate++);
            }
        }

        private static string DescribeMissing(int from, int to)
            => from == to ? "number " + Format(from) : $"numbers {Format(from)} to {Format(to)}";

        private static string Format(int number) => number.ToString(CultureInfo.InvariantCulture);
    }
}
