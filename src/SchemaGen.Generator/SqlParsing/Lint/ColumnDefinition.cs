using System.Collections.Generic;

namespace SchemaGen.SqlParsing.Lint
{
    /// <summary>A column definition (<c>name type [constraints…]</c>) of CREATE TABLE or ADD COLUMN, split into its parts.</summary>
    internal sealed class ColumnDefinition
    {
        private static readonly HashSet<string> ConstraintWords = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "NOT", "NULL", "DEFAULT", "PRIMARY", "REFERENCES", "UNIQUE", "CHECK", "CONSTRAINT", "GENERATED", "COLLATE",
        };

        private ColumnDefinition(TokenRange whole, string name, TokenRange type)
        {
            Whole = whole;
            Name = name;
            Type = type;
        }

        /// <summary>All of it, from the column's name.</summary>
        public TokenRange Whole { get; }

        public string Name { get; }

        /// <summary>The type's tokens, up to the first constraint.</summary>
        public TokenRange Type { get; }

        public string TypeText => Type.IsEmpty ? string.Empty : Type.TextOf(0, Type.Count - 1);

        public bool IsNotNull => Whole.Find("NOT") is var not and >= 0 && Whole.Is(not + 1, "NULL");

        public bool IsPrimaryKey => Whole.Find("PRIMARY") is var primary and >= 0 && Whole.Is(primary + 1, "KEY");

        public bool HasDefault => Whole.Contains("DEFAULT") || Whole.Contains("GENERATED");

        /// <summary>The default expression's tokens (after DEFAULT, up to the next constraint word), or an empty range.</summary>
        public TokenRange DefaultExpression
        {
            get
            {
                var at = Whole.Find("DEFAULT");
                if (at < 0)
                {
                    return Whole.Skip(Whole.Count);
                }

                var end = at + 1;
                while (end < Whole.Count && !(Whole[end].Kind == SqlTokenKind.Word && ConstraintWords.Contains(Whole.Text(end)) && !Whole.Is(end, "NULL")))
                {
                    end++;
                }

                return new TokenRange(Whole.Statement, Whole.Start + at + 1, Whole.Start + end);
            }
        }

        /// <summary>Reads a column definition starting at the column's name; null when it is not one.</summary>
        public static ColumnDefinition? Read(TokenRange definition)
        {
            if (definition.IsEmpty || definition[0].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
            {
                return null;
            }

            var end = 1;
            var depth = 0;
            while (end < definition.Count)
            {
                var text = definition.Text(end);
                depth += text == "(" ? 1 : text == ")" ? -1 : 0;
                if (depth == 0 && definition[end].Kind == SqlTokenKind.Word && ConstraintWords.Contains(text))
                {
                    break;
                }

                end++;
            }

            return new ColumnDefinition(definition, definition.Identifier(0), new TokenRange(definition.Statement, definition.Start + 1, definition.Start + end));
        }
    }
}
