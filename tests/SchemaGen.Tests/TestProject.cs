namespace SchemaGen.Tests;

/// <summary>
/// A project of a user's in a temporary folder, using this repository's SchemaGen as its package would: the runtime, the
/// generator and code fixes as built beside the tests (never rebuilt from here, as other tests build them at the same time),
/// and the build props and targets. Deleted on dispose.
/// </summary>
internal sealed class TestProject : IDisposable
{
    private TestProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, "App.csproj");

    /// <summary>An app (a console program with <paramref name="program"/> as its Program.cs) with <paramref name="properties"/> in its project file.</summary>
    public static TestProject Create(string program, string properties = "")
    {
        var root = Repository.Root();
        var project = new TestProject(System.IO.Directory.CreateTempSubdirectory("schemagen-app-").FullName);
        File.WriteAllText(project.ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{root}/build/SchemaGen.props" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RootNamespace>Shop</RootNamespace>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Npgsql" Version="10.0.3" />
                <Reference Include="{Built("src/SchemaGen", "SchemaGen.dll")}" />
                <Analyzer Include="{Built("src/SchemaGen.Generator", "SchemaGen.Generator.dll", "netstandard2.0")}" />
                <Analyzer Include="{Built("src/SchemaGen.CodeFixes", "SchemaGen.CodeFixes.dll", "netstandard2.0")}" />
              </ItemGroup>
              <Import Project="{root}/build/SchemaGen.targets" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(project.Directory, "Program.cs"), program);
        return project;
    }

    /// <summary>Writes a file under the project's folder, creating its folders.</summary>
    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    public Task<(int ExitCode, string Output)> DotnetAsync(params string[] arguments)
        => ChildProcess.RunAsync("dotnet", [.. arguments, ProjectFile]);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string Built(string project, string assembly, string? framework = null)
    {
        var path = Repository.BuildOutput(project, assembly);
        return framework is null ? path : Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(path)!)!, framework, assembly);
    }
}
