using System.Globalization;
using System.Text;

namespace SchemaGen.Generator.LockFile
{
    /// <summary>JSON text the lock file is written with.</summary>
    internal static class JsonText
    {
        /// <summary>A JSON string (RFC 8259 escapes), or <c>null</c>.</summary>
        public static string String(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            var json = new StringBuilder("\"");
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': json.Append("\\\""); break;
                    case '\\': json.Append("\\\\"); break;
                    case '\n': json.Append("\\n"); break;
                    case '\r': json.Append("\\r"); break;
                    case '\t': json.Append("\\t"); break;
                    default:
                        if (c < ' ')
                        {
                            json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            json.Append(c);
                        }

                        break;
                }
            }

            return json.Append('"').ToString();
        }
    }
}
