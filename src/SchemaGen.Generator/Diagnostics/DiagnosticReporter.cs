using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaGen.Generator.Data;

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
                    ReportInternalError(context, "reporting a diagnostic", $"no descriptor has the id '{info.Id}'");
                    continue;
                }

                var location = Location.None;
                if (info.Location is { } where)
                {
                    location = trees.TryGetValue(where.FilePath, out var tree)
                        ? Location.Create(tree, where.Span)
                        : Location.Create(where.FilePath, where.Span, where.LineSpan);
                }

                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, info.PropertyDictionary(), ToObjects(info.MessageArgs)));
            }
        }

        public static void ReportInternalError(SourceProductionContext context, string doing, string what)
            => context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, doing, what));

        /// <summary>Runs an output step; an exception becomes SG0999 instead of the compiler's generic CS8785.</summary>
        public static void Guard(SourceProductionContext context, string doing, System.Action action)
        {
            try
            {
                action();
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                ReportInternalError(context, doing, $"{e.GetType().Name}: {e.Message}");
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
