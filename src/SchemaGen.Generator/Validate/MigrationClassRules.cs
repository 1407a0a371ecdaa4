using Microsoft.CodeAnalysis;

namespace SchemaGen.Generator.Validate
{
    /// <summary>
    /// Whether a <c>[Migration]</c> class can be created by the generated registry (<c>static () => new T()</c>).
    /// The analyzer reports the problem (SG0004); the generator leaves such a class out of the registry.
    /// </summary>
    internal static class MigrationClassRules
    {
        /// <summary>Returns what stops the class being a migration, phrased with its fix, or null when nothing does.</summary>
        public static string? FindProblem(INamedTypeSymbol type, INamedTypeSymbol? migrationBase)
        {
            if (migrationBase is null || !DerivesFrom(type, migrationBase))
            {
                return "it does not derive from SchemaGen.Migration; derive it from SchemaGen.Migration or remove [Migration]";
            }

            if (type.IsStatic || type.IsAbstract)
            {
                return "it is abstract; make it a concrete class, or move [Migration] to a concrete class deriving from it";
            }

            if (type.TypeParameters.Length > 0)
            {
                return "it is generic; give it no type parameters";
            }

            for (var container = type.ContainingType; container is not null; container = container.ContainingType)
            {
                if (container.TypeParameters.Length > 0)
                {
                    return $"it is nested in the generic type '{container.Name}'; move it out of that type";
                }
            }

            if (!IsVisibleInAssembly(type))
            {
                return "it is not accessible from the generated registry in the same assembly; make it (and any type containing it) public or internal";
            }

            if (!HasAccessibleParameterlessConstructor(type))
            {
                return "it has no public or internal parameterless constructor; add one, and take what the migration needs from the MigrationContext";
            }

            return null;
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsVisibleInAssembly(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                if (current.IsFileLocal || !IsAssemblyWide(current.DeclaredAccessibility))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasAccessibleParameterlessConstructor(INamedTypeSymbol type)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.Parameters.Length == 0 && IsAssemblyWide(constructor.DeclaredAccessibility))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAssemblyWide(Accessibility accessibility)
            => accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
    }
}
