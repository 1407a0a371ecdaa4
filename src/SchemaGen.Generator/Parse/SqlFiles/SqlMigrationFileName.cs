using System.Globalization;

namespace SchemaGen.Generator.Parse.SqlFiles
{
    /// <summary>
    /// A SQL migration's file name: <c>0001_create_users.sql</c> is number 1, name <c>create_users</c>;
    /// <c>0001_create_users.down.sql</c> is its down.
    /// </summary>
    internal static class SqlMigrationFileName
    {
        public const string DownSuffix = ".down.sql";

        /// <summary>Reads the number and name, and whether it is a down, or says what is wrong with the file name.</summary>
        public static bool TryRead(string fileName, out int number, out string name, out bool isDown, out string? problem)
        {
            isDown = fileName.EndsWith(DownSuffix, System.StringComparison.OrdinalIgnoreCase);
            if (isDown)
            {
                fileName = fileName.Substring(0, fileName.Length - DownSuffix.Length) + ".sql";
            }

            number = 0;
            name = string.Empty;
            problem = null;
            var digits = 0;
            while (digits < fileName.Length && fileName[digits] >= '0' && fileName[digits] <= '9')
            {
                digits++;
            }

            var extension = fileName.LastIndexOf('.');
            if (digits == 0 || digits >= fileName.Length || fileName[digits] != '_' || extension <= digits + 1)
            {
                problem = "it must start with the migration's number and '_', as in 0001_create_users.sql";
                return false;
            }

            if (!int.TryParse(fileName.Substring(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                problem = $"its number {fileName.Substring(0, digits)} is too large";
                return false;
            }

            name = fileName.Substring(digits + 1, extension - digits - 1);
            return true;
        }
    }
}
