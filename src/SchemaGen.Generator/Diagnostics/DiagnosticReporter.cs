using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaGen.Generator.Model;

namespace SchemaGen.Generator.Diagnostics
{
    /// <summary>
    /// Turns carried diagnostic data back into diagnostics, located in the compilation's own syntax trees
    /// so that <c>#pragma warning disable</c> and editorconfig severities apply to them (or in a <c>.sql</c> migration file).
    /// </summary>
    internal static class DiagnosticReporter
    {
        public static void Report(SourceProductionContext context, Compilation compilation, EquatableArray<DiagnosticInfo> diagnostics)
        {
            if (diagnostics.Count == 0)
            {
                return;
            }

            var trees = new Dictionary<string, SyntaxTree>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                trees[tree.FilePath] = tree;
            }

            foreach (var info in diagnostics)
            {
                var descriptor = DiagnosticDescriptors.Find(info.Id);
                if (descriptor is null)
                {
                    continue;
                }

                var location = Location.None;
                if (info.Location is { } where)
                {
                    location = trees.TryGetValue(where.FilePath, out var tree)
                        ? Location.Create(tree, where.Span)
                        : Location.Create(where.FilePath, where.Span, where.LineSpan);
                }

                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, ToObjects(info.MessageArgs)));
            }
        }

        private static object[] ToObjects(EquatableArray<string> args)
        {
            var objects = new object[args.Count];
            for (var i = 0; i < objects.Length; i++)
            {
                objects[i] = args[i];
            }

            return objects;
        }
    }
}
