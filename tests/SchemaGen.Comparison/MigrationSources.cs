using System.Text;

namespace SchemaGen.Comparison;

/// <summary>
/// Writes the contenders' migration classes: SchemaGen's registry and EF Core's and FluentMigrator's discovery
/// work on compiled classes, so the 100- and 1,000-migration sets are generated as source before the build.
/// SchemaGen gets one file per set, since an assembly has one registry.
/// Every migration n runs <c>CREATE TABLE t{n} (id int PRIMARY KEY, name text)</c>.
/// </summary>
internal static class MigrationSources
{
    public static void Write(string generatedDirectory, int[] sets)
    {
        Directory.CreateDirectory(generatedDirectory);
        foreach (var count in sets)
        {
            // One registry per assembly: the contenders are built once per set, with SchemaGenSet choosing this file.
            File.WriteAllText(Path.Combine(generatedDirectory, $"SchemaGenMigrations{count}.g.cs"), SchemaGen(count));
        }

        File.WriteAllText(Path.Combine(generatedDirectory, "EfMigrations.g.cs"), string.Concat(sets.Select(EfCore)));
        File.WriteAllText(Path.Combine(generatedDirectory, "FmMigrations.g.cs"), string.Concat(sets.Select(FluentMigrator)));
    }

    private static string Statement(int n) => $"CREATE TABLE t{n} (id int PRIMARY KEY, name text)";

    private static string SchemaGen(int count)
    {
        var text = new StringBuilder("namespace SchemaGenMigrations;\n");
        for (var n = 1; n <= count; n++)
        {
            text.Append($$"""

                [global::SchemaGen.Migration({{n}}, "step_{{n}}")]
                public sealed class Step{{n}} : global::SchemaGen.Migration
                {
                    public override global::System.Threading.Tasks.Task UpAsync(global::SchemaGen.MigrationContext context, global::System.Threading.CancellationToken cancellationToken)
                        => context.ExecuteAsync("{{Statement(n)}}", cancellationToken);
                }

                """);
        }

        return text.ToString();
    }

    private static string EfCore(int count)
    {
        var text = new StringBuilder($"namespace Contenders.Ef{count}\n{{\n");
        for (var n = 1; n <= count; n++)
        {
            text.Append($$"""
                    [global::Microsoft.EntityFrameworkCore.Infrastructure.DbContext(typeof(global::Contenders.EfContext{{count}}))]
                    [global::Microsoft.EntityFrameworkCore.Migrations.Migration("{{n:D14}}_step_{{n}}")]
                    public sealed class Step{{n}} : global::Microsoft.EntityFrameworkCore.Migrations.Migration
                    {
                        protected override void Up(global::Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migrationBuilder)
                            => migrationBuilder.Sql("{{Statement(n)}}");
                    }

                """);
        }

        return text.Append("}\n").ToString();
    }

    private static string FluentMigrator(int count)
    {
        var text = new StringBuilder($"namespace Contenders.Fm{count}\n{{\n");
        for (var n = 1; n <= count; n++)
        {
            text.Append($$"""
                    [global::FluentMigrator.Migration({{n}})]
                    public sealed class Step{{n}} : global::FluentMigrator.Migration
                    {
                        public override void Up() => Execute.Sql("{{Statement(n)}}");

                        public override void Down()
                        {
                        }
                    }

                """);
        }

        return text.Append("}\n").ToString();
    }
}
