using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaGen.Benchmarks;

/// <summary>
/// Roslyn's own floor for SchemaGen's pipeline shape: <c>ForAttributeWithMetadataName</c> on the same attribute, a transform
/// that only reads the class name, and a collected output. What SchemaGen costs beyond this is SchemaGen's.
/// </summary>
internal sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider
            .ForAttributeWithMetadataName("SchemaGen.MigrationAttribute", static (node, _) => node is ClassDeclarationSyntax, static (target, _) => target.TargetSymbol.Name)
            .Collect();
        context.RegisterSourceOutput(names, static (output, all) => output.AddSource("Floor.g.cs", $"// {all.Length}"));
    }
}
