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

    [Fact]
    public void A_type_named_SchemaGen_in_the_users_code_does_not_break_the_generated_code()
    {
        var source = File(Migration("""Migration(1, "users")""", "Users")) + """

            namespace SchemaGen
            {
                internal sealed class SchemaGen { }
            }

            [System.ComponentModel.DataAnnotations.Schema.Table("notes")]
            public sealed class Note { public int Id { get; set; } }
            """;

        var (output, _, _) = GeneratorRun.Generate(GeneratorRun.Compile(source));

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void An_obsolete_migration_or_model_does_not_make_the_generated_code_warn()
    {
        var source = Usings + """
            [System.Obsolete]
            [Migration(1, "users")]
            public sealed class Users : Migration
            {
                public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            [System.Obsolete("use accounts")]
            [System.ComponentModel.DataAnnotations.Schema.Table("notes")]
            public sealed class Note { public int Id { get; set; } }
            """;

        var (output, _, _) = GeneratorRun.Generate(GeneratorRun.Compile(source));

        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id is "CS0612" or "CS0618");
    }

    [Fact]
    public void A_class_whose_name_is_not_typed_yet_is_left_out_instead_of_generating_new_global_App_dot()
    {
        var source = Usings + """
            namespace App
            {
                [Migration(1, "users")]
                public sealed class : Migration
                {
                    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) => Task.CompletedTask;
                }
            }
            """;

        var (output, _, run) = GeneratorRun.Generate(GeneratorRun.Compile(source));

        Assert.DoesNotContain("global::App.()", CompiledRegistry.Source(run, "SchemaGen.MigrationRegistry.g.cs"));
        var generatedTree = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("SchemaGen.MigrationRegistry.g.cs", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Location.SourceTree == generatedTree));
    }

    [Fact]
    public void Two_migrations_numbered_int_MaxValue_are_told_a_number_that_exists()
    {
        var source = File(
            Migration("""Migration(1, "first")""", "First"),
            Migration("""Migration(int.MaxValue, "last")""", "Last"),
            Migration("""Migration(int.MaxValue, "later")""", "Later"));

        var (_, diagnostics, _) = GeneratorRun.Generate(GeneratorRun.Compile(source));

        var duplicate = Assert.Single(diagnostics, d => d.Id == "SG0001");
        Assert.EndsWith("give 'Later' the number 2", duplicate.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_source_writer_refuses_to_hand_out_code_with_a_block_left_open_or_closed_twice()
    {
        Assert.Throws<InvalidOperationException>(() => new SchemaGen.Generator.Emit.SourceWriter().Open("class A").ToString());
        Assert.Throws<InvalidOperationException>(() => new SchemaGen.Generator.Emit.SourceWriter().Close());
        Assert.Equal("class A\n{\n}\n", new SchemaGen.Generator.Emit.SourceWriter().Open("class A").Close().ToString());
    }
}
