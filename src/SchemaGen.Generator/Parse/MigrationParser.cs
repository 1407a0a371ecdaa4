using System.Threading;
using Microsoft.CodeAnalysis;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Validate;

namespace SchemaGen.Generator.Parse
{
    /// <summary>Turns one <c>[Migration]</c> class into a <see cref="MigrationInfo"/>.</summary>
    internal static class MigrationParser
    {
        public static MigrationInfo? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            // A class still being typed has no name yet; naming it in generated code would only add a second error.
            if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0 || string.IsNullOrEmpty(type.Name))
            {
                return null;
            }

            var attribute = context.Attributes[0];
            if (!MigrationAttributeValues.TryRead(attribute, out var values))
            {
                return null;
            }

            var migrationBase = context.SemanticModel.Compilation.GetTypeByMetadataName(WellKnownNames.MigrationBase);
            return new MigrationInfo(
                values.Number,
                values.Name,
                values.Description,
                values.Transactional,
                MigrationChecksum.Compute(type, values.Transactional, cancellationToken),
                type.Name,
                QualifiedName.Of(type),
                MigrationClassRules.FindProblem(type, migrationBase) is null,
                LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)));
        }
    }
}
