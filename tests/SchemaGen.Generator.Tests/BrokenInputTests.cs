using Microsoft.CodeAnalysis;
using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>A broken migration yields its own diagnostic only, and the generator never throws.</summary>
public class BrokenInputTests
{
    [Fact]
    public void A_class_that_cannot_be_a_migration_is_left_out_of_the_registry_without_compile_errors()
    {
        var source = File(
            Migration("""Migration(1, "users")""", "Users"),
            """
            [Migration(2, "audit_log")]
            public sealed class AuditLog : Migration
            {
                private AuditLog() { }
                public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);

        var (_, diagnostics, run) = GeneratorRun.Generate(GeneratorRun.Compile(source));

        Assert.Equal(["SG0004"], diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id));
        var generated = CompiledRegistry.Source(run, "SchemaGen.MigrationRegistry.g.cs");
        Assert.Contains("global::Users()", generated);
        Assert.DoesNotContain("AuditLog", generated);
    }

    [Theory]
    [InlineData("[Migration] public sealed class A : Migration { }")]
    [InlineData("[Migration(1)] public sealed class A : Migration { }")]
    [InlineData("[Migration(\"one\", 1)] public sealed class A : Migration { }")]
    [InlineData("[Migration(1, \"a\"  public sealed class A : Migration {")]
    [InlineData("[Migration(1, \"a\")] public sealed class A : MissingBase { }")]
    [InlineData("[Migration(1, \"a\")] public sealed class A : Migration { public override Task UpAsync(MigrationContext c, CancellationToken t) => ")]
    [InlineData("[Migration(int.MaxValue, \"a\")] public sealed class A : Migration { public override Task UpAsync(MigrationContext c, CancellationToken t) => Task.CompletedTask; }")]
    [InlineData("[Migration(1, \"a\")] public enum A { }")]
    [InlineData("[Migration(1, \"a\")] public record R(int X);")]
    [InlineData("[Migration(1, \"a\")][Migration(1, \"a\")] public sealed class A : Migration { }")]
    [InlineData("[System.ComponentModel.DataAnnotations.Schema.Table] public class T { public int Id { get; set; } }")]
    [InlineData("[System.ComponentModel.DataAnnotations.Schema.Table(null)] public class T { public int Id { get; set; } }")]
    [InlineData("[System.ComponentModel.DataAnnotations.Schema.Table(\"t\")] public class T { public Missing Id { get; set; } }")]
    [InlineData("[System.ComponentModel.DataAnnotations.Schema.Table(\"t\")][Index(null)] public class T { public int Id { get; set; } }")]
    [InlineData("[System.ComponentModel.DataAnnotations.Schema.Table(\"t\")][Index()] public class T { public int Id { get; set; } }")]
    [InlineData("[System.ComponentModel.DataAnnotations.Schema.Table(\"t\")] public class T { [System.ComponentModel.DataAnnotations.Schema.ForeignKey(null)] public T? Self { get; set; } public int Id { get; set; } }")]
    [InlineData("[System.ComponentModel.DataAnnotations.Schema.Table(\"t\")] public class T { [System.ComponentModel.DataAnnotations.Schema.Column(TypeName = \"\")] public int Id { get; set; } }")]
    [InlineData("[System.ComponentModel.DataAnnotations.Schema.Table(\"t\")] public class T : T { public int Id { get; set; } }")]
    [InlineData("[System.ComponentModel.DataAnnotations.Schema.Table(\"t\")] public class T<U> { public U Id { get; set; } = default!; public int this[int i] => i; }")]
    [InlineData("[System.ComponentModel.DataAnnotations.Schema.Table(\"t\")] public record T(int Id, T? Parent, int ParentId);")]
    public void Malformed_input_never_makes_the_generator_throw(string code)
    {
        var (_, diagnostics, run) = GeneratorRun.Generate(GeneratorRun.Compile(Usings + code));

        Assert.All(run.Results, result => Assert.Null(result.Exception));
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "AD0001");
    }
}
