using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SchemaGen.Generator.Model
{
    /// <summary>A source location as plain data; turned back into a <see cref="Location"/> only when reported.</summary>
    internal readonly record struct LocationInfo(string FilePath, int Start, int Length)
    {
        public static LocationInfo? From(SyntaxNode? node)
            => node is null ? null : new LocationInfo(node.SyntaxTree.FilePath, node.Span.Start, node.Span.Length);

        public TextSpan Span => new TextSpan(Start, Length);
    }
}
