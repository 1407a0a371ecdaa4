using System.Text;

namespace SchemaGen.Generator.Validate
{
    /// <summary>Migration names are snake_case: <c>^[a-z][a-z0-9_]*$</c>.</summary>
    internal static class MigrationNameRules
    {
        /// <summary>The ledger's <c>migration_name</c> is <c>varchar(255)</c>: room for a 10-digit number, '_' and the name, with a margin.</summary>
        private const int LongestName = 240;

        /// <summary>Returns why the name is invalid, with a suggested fix, or null when it is valid.</summary>
        public static string? FindProblem(string name)
        {
            if (name.Length == 0)
            {
                return "the name is empty; give it a snake_case name such as 'audit_log'";
            }

            if (IsSnakeCase(name))
            {
                return name.Length > LongestName
                    ? $"it is {name.Length} characters long, but the ledger keeps ids (number, '_', name) of at most 255 characters; shorten it to {LongestName} or fewer"
                    : null;
            }

            var suggestion = ToSnakeCase(name);
            return suggestion.Length > 0 && IsSnakeCase(suggestion)
                ? $"'{name}' is not snake_case (^[a-z][a-z0-9_]*$); name it '{suggestion}'"
                : $"'{name}' is not snake_case (^[a-z][a-z0-9_]*$); use lowercase letters, digits and '_', starting with a letter";
        }

        private static bool IsSnakeCase(string name)
        {
            if (name.Length == 0 || name[0] < 'a' || name[0] > 'z')
            {
                return false;
            }

            foreach (var c in name)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The one snake_case conversion (as for column names), after punctuation and spaces became '_'.</summary>
        public static string ToSnakeCase(string name)
        {
            var words = new StringBuilder(name.Length);
            foreach (var c in name.Trim())
            {
                words.Append(char.IsLetterOrDigit(c) ? c : '_');
            }

            var snake = Parse.SchemaModel.SnakeCase.From(words.ToString());
            while (snake.Contains("__"))
            {
                snake = snake.Replace("__", "_");
            }

            return snake.Trim('_');
        }
    }
}
