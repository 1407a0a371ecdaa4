using System.Globalization;

namespace SchemaGen.Generator.Parse.SqlFiles
{
    /// <summary>What a <c>.sql</c> file of the migrations folder is, by its name.</summary>
    internal enum SqlFileKind
    {
        /// <summary><c>0001_create_users.sql</c>: migration 1, <c>create_users</c>.</summary>
        Migration,

        /// <summary><c>0001_create_users.down.sql</c>: that migration's down.</summary>
        Down,

        /// <summary><c>R_reporting_views.sql</c>: the repeatable migration <c>reporting_views</c>.</summary>
        Repeatable,
    }

    /// <summary>A SQL migration's file name: a numbered migration, its down, or a repeatable migration.</summary>
    internal static class SqlMigrationFileName
    {
        public const string DownSuffix = ".down.sql";

        public const string RepeatablePrefix = Data.MigrationId.RepeatablePrefix;

        /// <summary>Reads the kind, number (0 for a repeatable one) and name, or says what is wrong with the file name.</summary>
        public static bool TryRead(string fileName, out SqlFileKind kind, out int number, out string name, out string? problem)
        {
            number = 0;
            name = string.Empty;
            problem = null;
            var isDown = fileName.EndsWith(DownSuffix, System.StringComparison.OrdinalIgnoreCase);
            kind = isDown ? SqlFileKind.Down : SqlFileKind.Migration;
            var extension = isDown ? fileName.Length - DownSuffix.Length : fileName.LastIndexOf('.');
            if (fileName.StartsWith(RepeatablePrefix, System.StringComparison.Ordinal))
            {
                kind = SqlFileKind.Repeatable;
                if (isDown)
                {
                    problem = "a repeatable migration has no down: it is applied again whenever its text changes";
                    return false;
                }

                name = fileName.Substring(RepeatablePrefix.Length, System.Math.Max(0, extension - RepeatablePrefix.Length));
                return true;
            }

            var digits = 0;
            while (digits < fileName.Length && fileName[digits] >= '0' && fileName[digits] <= '9')
            {
                digits++;
            }

            if (digits == 0 || digits >= fileName.Length || fileName[digits] != '_' || extension <= digits + 1)
            {
                problem = "it must start with the migration's number and '_', as in 0001_create_users.sql, or with R_ for a repeatable migration (R_reporting_views.sql)";
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
