using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using SchemaGen.Generator.Diagnostics;

namespace SchemaGen.Generator.Parse.SchemaModel
{
    /// <summary>
    /// Where the model reader reports what it cannot map. The analyzer passes a list and reports it; the generator passes
    /// none, so it computes no locations and its cached model stays free of them.
    /// </summary>
    internal sealed class TableProblems
    {
        private const int MaxIdentifierBytes = 63;

        public List<Diagnostic> Diagnostics { get; } = new List<Diagnostic>();

        /// <summary>Each index name with its <c>[Index]</c>, for the analyzer's check across models (SG0207).</summary>
        public List<KeyValuePair<string, Location>> IndexLocations { get; } = new List<KeyValuePair<string, Location>>();

        public static void Report(TableProblems? problems, DiagnosticDescriptor descriptor, Location location, params object[] arguments)
            => problems?.Diagnostics.Add(Diagnostic.Create(descriptor, location, arguments));

        /// <summary>Reports SG0206 when <paramref name="name"/> is longer than PostgreSQL keeps.</summary>
        public static void CheckLength(TableProblems? problems, string kind, string name, Location location)
        {
            var bytes = Encoding.UTF8.GetByteCount(name);
            if (bytes > MaxIdentifierBytes)
            {
                Report(problems, DiagnosticDescriptors.IdentifierTooLong, location, kind, name, bytes);
            }
        }

        public static Location Of(AttributeData? attribute, ISymbol fallback)
            => attribute?.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback.Locations[0];
    }
}
