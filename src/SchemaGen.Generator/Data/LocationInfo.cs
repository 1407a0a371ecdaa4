using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SchemaGen.Generator.Data
{
    /// <summary>
    /// A source location as plain data; turned back into a <see cref="Location"/> only when reported. A location in a
    /// file that is not C# (a <c>.sql</c> migration) also carries its line and columns, since no syntax tree can give them.
    /// </summary>
    internal readonly record struct LocationInfo(string FilePath, int Start, int Length, int Line = 0, int StartColumn = 0, int EndColumn = 0)
    {
        public static LocationInfo? From(SyntaxNode? node)
            => node is null ? null : new LocationInfo(node.SyntaxTree.FilePath, node.Span.Start, node.Span.Length);

        /// <summary>A span on one line of a non-C# file; <paramref name="line"/> and the columns are 0-based.</summary>
        public static LocationInfo InFile(string filePath, int start, int length, int line, int startColumn)
            => new LocationInfo(filePath, start, length, line, startColumn, startColumn + length);

        public TextSpan Span => new TextSpan(Start, Length);

        public LinePositionSpan LineSpan => new LinePositionSpan(new LinePosition(Line, StartColumn), new LinePosition(Line, EndColumn));
    }
}
