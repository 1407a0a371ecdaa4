using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SchemaGen.Generator.Analyzers
{
    /// <summary>
    /// Maps a span of a string literal's value back to its source text, through escapes (<c>\n</c>, <c>""</c>) and a raw
    /// string's removed indentation, so a diagnostic sits exactly on the SQL it is about.
    /// </summary>
    internal sealed class LiteralSpans
    {
        private readonly SyntaxTree _tree;
        private readonly int _tokenStart;
        private readonly int[] _map;

        private LiteralSpans(SyntaxTree tree, int tokenStart, int[] map)
        {
            _tree = tree;
            _tokenStart = tokenStart;
            _map = map;
        }

        /// <summary>The map of a string literal argument, built once for all its findings; null when it cannot be mapped.</summary>
        public static LiteralSpans? Of(SyntaxNode argument)
        {
            if (argument is not LiteralExpressionSyntax literal)
            {
                return null;
            }

            var token = literal.Token;
            var map = SourceOffsets(token);
            return map is null || map.Length != token.ValueText.Length + 1 ? null : new LiteralSpans(argument.SyntaxTree, token.SpanStart, map);
        }

        /// <summary>The source location of value characters [start, start + length), or null when they lie outside the value.</summary>
        public Location? Map(int start, int length)
            => start + length < _map.Length ? Location.Create(_tree, TextSpan.FromBounds(Position(start), Position(start + length))) : null;

        /// <summary>The source position of value offset <paramref name="offset"/> (the value's length is just past its end).</summary>
        public int Position(int offset) => _tokenStart + _map[offset];

        /// <summary>For each character of the value (and one past the end), its offset in the token's text.</summary>
        private static int[]? SourceOffsets(SyntaxToken token)
        {
            var text = token.Text;
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken when text.StartsWith("@", System.StringComparison.Ordinal):
                    return Verbatim(text);
                case SyntaxKind.StringLiteralToken:
                    return Regular(text);
                case SyntaxKind.SingleLineRawStringLiteralToken:
                    var quotes = text.Length - text.TrimStart('"').Length;
                    return Offsets(quotes, text.Length - quotes);
                case SyntaxKind.MultiLineRawStringLiteralToken:
                    return MultiLineRaw(text);
                default:
                    return null;
            }
        }

        private static int[] Offsets(int from, int to)
        {
            var map = new int[to - from + 1];
            for (var i = 0; i < map.Length; i++)
            {
                map[i] = from + i;
            }

            return map;
        }

        private static int[] Verbatim(string text)
        {
            var map = new System.Collections.Generic.List<int>();
            for (var i = 2; i < text.Length - 1; i++)
            {
                map.Add(i);
                if (text[i] == '"')
                {
                    i++;
                }
            }

            map.Add(text.Length - 1);
            return map.ToArray();
        }

        private static int[]? Regular(string text)
        {
            var map = new System.Collections.Generic.List<int>();
            for (var i = 1; i < text.Length - 1; i++)
            {
                map.Add(i);
                if (text[i] != '\\')
                {
                    continue;
                }

                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (next == 'U' || next == 'x')
                {
                    return null;
                }

                i += next == 'u' ? 5 : 1;
            }

            map.Add(text.Length - 1);
            return map.ToArray();
        }

        /// <summary>The content lines between the opening and closing lines, each less the closing line's indentation.</summary>
        private static int[]? MultiLineRaw(string text)
        {
            var firstNewline = text.IndexOf('\n');
            var lastNewline = text.LastIndexOf('\n');
            if (firstNewline < 0 || lastNewline <= firstNewline)
            {
                return null;
            }

            var closingLine = text.Substring(lastNewline + 1);
            var indentation = closingLine.Length - closingLine.TrimStart(' ', '\t').Length;
            var map = new System.Collections.Generic.List<int>();
            var lineStart = firstNewline + 1;
            var contentEnd = text[lastNewline - 1] == '\r' ? lastNewline - 1 : lastNewline;
            while (lineStart <= contentEnd)
            {
                var lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0 || lineEnd > lastNewline)
                {
                    lineEnd = lastNewline;
                }

                var contentStart = System.Math.Min(lineStart + indentation, lineEnd);
                var end = lineEnd == lastNewline ? contentEnd : lineEnd + 1;
                for (var i = contentStart; i < end; i++)
                {
                    map.Add(i);
                }

                lineStart = lineEnd + 1;
            }

            map.Add(contentEnd);
            return map.ToArray();
        }
    }
}
