using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SchemaGen.Benchmarks;

/// <summary>An additional file as the compiler is handed one (a .sql migration, for the benchmarks).</summary>
internal sealed class InMemoryFile(string path, string text) : AdditionalText
{
    public override string Path => path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);

    /// <summary>SQL migration <paramref name="number"/> as the migrations folder would hold it.</summary>
    public static InMemoryFile Migration(int number, string sql) => new($"/benchmark/Migrations/{number:D4}_step_{number}.sql", sql);
}
