using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using SchemaGen.Generator.Data.SchemaModel;
using SchemaGen.Generator.Diagnostics;

namespace SchemaGen.Generator.Parse.SchemaModel
{
    /// <summary>One model read: the table (null when the class names none), and what reading it found wrong.</summary>
    internal sealed record TableRead(TableInfo? Table, ModelProblems Problems);

    /// <summary>A problem found while reading a model. Its location is computed only when it is reported, which the generator never does.</summary>
    internal sealed class ModelProblem
    {
        private readonly DiagnosticDescriptor _descriptor;
        private readonly Func<Location> _where;
        private readonly object[] _arguments;

        public ModelProblem(DiagnosticDescriptor descriptor, Func<Location> where, object[] arguments)
        {
            _descriptor = descriptor;
            _where = where;
            _arguments = arguments;
        }

        public Diagnostic ToDiagnostic() => Diagnostic.Create(_descriptor, _where(), _arguments);
    }

    /// <summary>What reading one model found wrong (SG0201–SG0206), and where its index names are, for the check across models (SG0207).</summary>
    internal sealed class ModelProblems
    {
        private const int MaxIdentifierBytes = 63;

        public List<ModelProblem> All { get; } = new List<ModelProblem>();

        public List<KeyValuePair<string, Func<Location>>> IndexNames { get; } = new List<KeyValuePair<string, Func<Location>>>();

        public void Report(DiagnosticDescriptor descriptor, Func<Location> where, params object[] arguments)
            => All.Add(new ModelProblem(descriptor, where, arguments));

        /// <summary>Reports SG0206 when <paramref name="name"/> is longer than PostgreSQL keeps.</summary>
        public void CheckLength(string kind, string name, Func<Location> where)
        {
            var bytes = Encoding.UTF8.GetByteCount(name);
            if (bytes > MaxIdentifierBytes)
            {
                Report(DiagnosticDescriptors.IdentifierTooLong, where, kind, name, bytes);
            }
        }

        /// <summary>The attribute's location when it has syntax, else the symbol's, computed when asked.</summary>
        public static Func<Location> Of(AttributeData? attribute, ISymbol fallback)
            => () => attribute?.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback.Locations[0];
    }
}
