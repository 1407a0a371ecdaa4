using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SchemaGen.Generator.Parse
{
    /// <summary>
    /// <c>global::Namespace.Outer.Type</c> for a non-generic type, as <see cref="SymbolDisplayFormat.FullyQualifiedFormat"/>
    /// writes it (keywords escaped with <c>@</c>), without the general display machinery, which costs more than everything
    /// else the generator does per migration.
    /// </summary>
    internal static class QualifiedName
    {
        public static string Of(INamedTypeSymbol type)
        {
            var parts = new List<string>();
            INamedTypeSymbol outermost = type;
            for (var current = type; current is not null; current = current.ContainingType)
            {
                parts.Add(Escaped(current.Name));
                outermost = current;
            }

            for (var space = outermost.ContainingNamespace; space is { IsGlobalNamespace: false }; space = space.ContainingNamespace)
            {
                parts.Add(Escaped(space.Name));
            }

            parts.Reverse();
            return "global::" + string.Join(".", parts);
        }

        private static string Escaped(string name)
            => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
    }
}
