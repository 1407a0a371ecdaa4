using System.Text;

namespace SchemaGen.Generator.Parse.SchemaModel
{
    /// <summary>Property names to column names: <c>CreatedAt</c> → <c>created_at</c>, <c>IPAddress</c> → <c>ip_address</c>.</summary>
    internal static class SnakeCase
    {
        public static string From(string name)
        {
            var result = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c))
                {
                    var previous = i > 0 ? name[i - 1] : '\0';
                    var next = i + 1 < name.Length ? name[i + 1] : '\0';
                    if (i > 0 && previous != '_' && (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next))))
                    {
                        result.Append('_');
                    }

                    result.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }
    }
}
