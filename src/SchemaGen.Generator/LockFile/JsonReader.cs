using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SchemaGen.Generator.LockFile
{
    /// <summary>
    /// A small strict JSON reader (RFC 8259) that keeps positions. Analyzers run inside the compiler, where taking a
    /// dependency on a JSON package means shipping and loading it beside the analyzer; the lock file needs little.
    /// </summary>
    internal sealed class JsonReader
    {
        private const int MaxDepth = 64;
        private readonly string _text;
        private int _position;

        private JsonReader(string text) => _text = text;

        /// <summary>Parses the whole text; throws <see cref="JsonReaderException"/> at the first error.</summary>
        public static JsonNode Parse(string text)
        {
            var reader = new JsonReader(text);
            reader.SkipWhitespace();
            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._position < text.Length)
            {
                throw reader.Error("unexpected text after the end of the JSON value");
            }

            return value;
        }

        private JsonNode ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("nesting is too deep");
            }

            if (_position >= _text.Length)
            {
                throw Error("the file ends where a value was expected");
            }

            switch (_text[_position])
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"':
                    var start = _position;
                    var text = ReadString();
                    return new JsonScalar(TextSpan.FromBounds(start, _position), text);
                case 't': return ReadLiteral("true", true);
                case 'f': return ReadLiteral("false", false);
                case 'n': return ReadLiteral("null", null);
                default: return ReadNumber();
            }
        }

        private JsonObject ReadObject(int depth)
        {
            var start = _position++;
            var properties = new List<KeyValuePair<string, JsonNode>>();
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return new JsonObject(TextSpan.FromBounds(start, _position), properties);
            }

            while (true)
            {
                SkipWhitespace();
                if (_position >= _text.Length || _text[_position] != '"')
                {
                    throw Error("a property name in double quotes was expected");
                }

                var name = ReadString();
                SkipWhitespace();
                Expect(':', "':' was expected after the property name");
                SkipWhitespace();
                properties.Add(new KeyValuePair<string, JsonNode>(name, ReadValue(depth + 1)));
                SkipWhitespace();
                if (TryConsume('}'))
                {
                    return new JsonObject(TextSpan.FromBounds(start, _position), properties);
                }

                Expect(',', "',' or '}' was expected");
            }
        }

        private JsonArray ReadArray(int depth)
        {
            var start = _position++;
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (TryConsume(']'))
            {
                return new JsonArray(TextSpan.FromBounds(start, _position), items);
            }

            while (true)
            {
                SkipWhitespace();
                items.Add(ReadValue(depth + 1));
                SkipWhitespace();
                if (TryConsume(']'))
                {
                    return new JsonArray(TextSpan.FromBounds(start, _position), items);
                }

                Expect(',', "',' or ']' was expected");
            }
        }

        private string ReadString()
        {
            _position++;
            var value = new StringBuilder();
            while (_position < _text.Length)
            {
                var c = _text[_position++];
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c < ' ')
                {
                    _position--;
                    throw Error("a string cannot contain a line break or control character");
                }

                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                if (_position >= _text.Length)
                {
                    break;
                }

                var escape = _text[_position++];
                switch (escape)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u' when _position + 4 <= _text.Length
                        && ushort.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                        value.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        _position--;
                        throw Error("an invalid escape sequence");
                }
            }

            throw Error("a string is not closed");
        }

        private JsonScalar ReadNumber()
        {
            var start = _position;
            while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
            {
                _position++;
            }

            var token = _text.Substring(start, _position - start);
            if (token.Length == 0 || token[0] == '+' || !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                _position = start;
                throw Error("a value was expected (an object, array, string, number, true, false or null)");
            }

            return new JsonScalar(TextSpan.FromBounds(start, _position), number);
        }

        private JsonScalar ReadLiteral(string literal, object? value)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw Error("a value was expected (an object, array, string, number, true, false or null)");
            }

            var start = _position;
            _position += literal.Length;
            return new JsonScalar(TextSpan.FromBounds(start, _position), value);
        }

        private void SkipWhitespace()
        {
            while (_position < _text.Length && (_text[_position] == ' ' || _text[_position] == '\t' || _text[_position] == '\n' || _text[_position] == '\r'))
            {
                _position++;
            }
        }

        private bool TryConsume(char c)
        {
            if (_position < _text.Length && _text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(char c, string message)
        {
            if (!TryConsume(c))
            {
                throw Error(message);
            }
        }

        private JsonReaderException Error(string message)
            => new JsonReaderException(message, new TextSpan(Math.Min(_position, _text.Length), _position < _text.Length ? 1 : 0));
    }

    internal sealed class JsonReaderException : Exception
    {
        public JsonReaderException(string message, TextSpan span)
            : base(message) => Span = span;

        public TextSpan Span { get; }
    }
}
