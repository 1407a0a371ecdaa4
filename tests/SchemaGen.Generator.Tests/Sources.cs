namespace SchemaGen.Generator.Tests;

/// <summary>Builds test source text for migrations.</summary>
internal static class Sources
{
    public const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using SchemaGen;

        """;

    /// <summary>What a file of <c>[Table]</c> models starts with: nullable context on, the data annotations and SchemaGen.</summary>
    public const string ModelUsings = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.ComponentModel.DataAnnotations.Schema;
        using SchemaGen;

        """;

    /// <summary>A migration class whose attribute is written as given (markup allowed), e.g. <c>{|#0:Migration(1, "users")|}</c>.</summary>
    public static string Migration(string attribute, string className, string sql = "SELECT 1")
        => $$"""
        [{{attribute}}]
        public sealed class {{className}} : Migration
        {
            public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                => context.ExecuteAsync("{{sql}}", cancellationToken);
        }

        """;

    public static string File(params string[] migrations) => Usings + string.Concat(migrations);
}
