using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaGen.CodeFixes
{
    /// <summary>Finds the <c>[Migration]</c> of the class containing a node, and sets <c>Transactional = false</c> on it.</summary>
    internal static class MigrationAttributeEdit
    {
        public static AttributeSyntax? Find(SyntaxNode inside)
            => inside.AncestorsAndSelf().OfType<ClassDeclarationSyntax>()
                .SelectMany(type => type.AttributeLists.SelectMany(list => list.Attributes))
                .FirstOrDefault(candidate => candidate.Name.ToString() is "Migration" or "MigrationAttribute" or "SchemaGen.Migration" or "SchemaGen.MigrationAttribute");

        public static AttributeSyntax NonTransactional(AttributeSyntax attribute)
        {
            var argument = SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Transactional")),
                null,
                SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression));
            var existing = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Transactional");
            var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            arguments = existing is null ? arguments.AddArguments(argument) : arguments.ReplaceNode(existing, argument.WithTriviaFrom(existing));
            return attribute.WithArgumentList(arguments);
        }
    }
}
