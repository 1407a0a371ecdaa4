using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaGen.CodeFixes
{
    /// <summary>Sets <c>Transactional = false</c> on the <c>[Migration]</c> of the class containing a node.</summary>
    internal static class MigrationAttributeEdit
    {
        public static SyntaxNode MakeNonTransactional(SyntaxNode root, SyntaxNode inside)
        {
            var attribute = inside.AncestorsAndSelf().OfType<ClassDeclarationSyntax>()
                .SelectMany(type => type.AttributeLists.SelectMany(list => list.Attributes))
                .FirstOrDefault(candidate => candidate.Name.ToString() is "Migration" or "MigrationAttribute" or "SchemaGen.Migration" or "SchemaGen.MigrationAttribute");
            if (attribute is null)
            {
                return root;
            }

            var argument = SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Transactional")),
                null,
                SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression));
            var existing = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Transactional");
            var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            arguments = existing is null ? arguments.AddArguments(argument) : arguments.ReplaceNode(existing, argument.WithTriviaFrom(existing));
            return root.ReplaceNode(attribute, attribute.WithArgumentList(arguments));
        }
    }
}
