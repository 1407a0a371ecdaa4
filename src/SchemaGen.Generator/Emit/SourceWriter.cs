using System.Text;

namespace SchemaGen.Generator.Emit
{
    /// <summary>A minimal indenting writer for generated C#.</summary>
    internal sealed class SourceWriter
    {
        private const string IndentUnit = "    ";
        private readonly StringBuilder _text = new StringBuilder();
        private int _indent;

        public SourceWriter Line(string line = "")
        {
            if (line.Length > 0)
            {
                for (var i = 0; i < _indent; i++)
                {
                    _text.Append(IndentUnit);
                }

                _text.Append(line);
            }

            _text.Append('\n');
            return this;
        }

        public SourceWriter Open(string line)
        {
            Line(line).Line("{");
            _indent++;
            return this;
        }

        public SourceWriter Close(string closing = "}")
        {
            if (_indent == 0)
            {
                throw new System.InvalidOperationException("Generated code closed a block it never opened.");
            }

            _indent--;
            return Line(closing);
        }

        /// <summary>The text; every block opened must have been closed, or the emitter has a bug.</summary>
        public override string ToString()
            => _indent == 0 ? _text.ToString() : throw new System.InvalidOperationException($"Generated code left {_indent} block(s) open.");
    }
}
