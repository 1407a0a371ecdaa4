using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Validate;

namespace SchemaGen.Generator.Parse
{
    /// <summary>Turns one <c>[Migration]</c> or <c>[RepeatableMigration]</c> class into a <see cref="MigrationInfo"/>.</summary>
    internal static class MigrationParser
    {
        /// <summary>
        /// <c>SchemaGen.Migration</c> per compilation, looked up once rather than once per migration (the transform runs for
        /// every migration on every edit). Weak, so a compilation and its symbols are never kept alive by it.
        /// </summary>
        private static readonly ConditionalWeakTable<Compilation, StrongBox<INamedTypeSymbol?>> MigrationBases = new();

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

            var compilation = context.SemanticModel.Compilation;
            var migrationBase = MigrationBaseOf(compilation);
            var down = values.Repeatable ? null : ConstantSqlReader.OverrideOf(type, "DownAsync", cancellationToken);
            var up = ConstantSqlReader.OverrideOf(type, "UpAsync", cancellationToken);
            return new MigrationInfo(
                values.Number,
                values.Name,
                values.Description,
                values.Transactional,
                MigrationChecksum.Compute(type, values.Transactional, cancellationToken),
                type.Name,
                QualifiedName.Of(type),
                MigrationClassRules.FindProblem(type, migrationBase) is null,
                LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)),
                ConstantSql: ConstantSqlReader.Read(up, compilation, cancellationToken),
                Reversible: down is not null,
                ConstantDownSql: ConstantSqlReader.Read(down, compilation, cancellationToken),
                DownTransactional: values.Transactional,
                Repeatable: values.Repeatable,
                Effect: SchemaEffects.OfSteps(values.Id, ConstantSqlReader.ReadSteps(up, compilation, cancellationToken)));
        }

        private static INamedTypeSymbol? MigrationBaseOf(Compilation compilation)
            => MigrationBases.GetValue(compilation, static compilation => new StrongBox<INamedTypeSymbol?>(compilation.GetTypeByMetadataName(WellKnownNames.MigrationBase))).Value;
    }
}
