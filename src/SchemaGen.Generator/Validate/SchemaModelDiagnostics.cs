using System.Collections.Generic;
using System.Linq;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Diagnostics;

namespace SchemaGen.Generator.Validate
{
    /// <summary>SG0401: per migration, the statements the compile-time schema model could not follow.</summary>
    internal static class SchemaModelDiagnostics
    {
        public static EquatableArray<DiagnosticInfo> Unfollowed(EquatableArray<MigrationInfo> migrations, EquatableArray<MigrationInfo> repeatables)
        {
            var diagnostics = new List<DiagnosticInfo>();
            foreach (var migration in migrations.Concat(repeatables))
            {
                if (migration.Effect is { Unfollowed.Count: > 0 } effect)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnfollowedStatements.Id, migration.AttributeLocation, migration.ClassName, string.Join("; ", effect.Unfollowed)));
                }
            }

            return new EquatableArray<DiagnosticInfo>(diagnostics.ToArray());
        }
    }
}
