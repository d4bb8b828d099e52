using System.Text.RegularExpressions;
using GovStaff.Policy.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GovStaff.Policy.Hosting.Tests;

/// <summary>
/// Every C# block in README.md, docs/*.md and each package's README compiles as pasted into a new console project
/// (implicit usings on, nullable on) that references the six packages: the docs are code.
/// </summary>
public sealed partial class DocsCompileTest
{
    // What `dotnet new console` puts in scope without a using line.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p))]);

    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Documents())
        {
            var count = BlockPattern().Count(File.ReadAllText(Path.Combine(Repo.Root, file)).ReplaceLineEndings("\n"));
            for (var i = 1; i <= count; i++)
            {
                data.Add(file, i);
            }
        }

        return data;
    }

    private static IEnumerable<string> Documents()
    {
        var root = Repo.Root;
        return Enumerable.Repeat("README.md", 1)
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => Path.GetRelativePath(root, f)))
            .Concat(Directory.GetFiles(Path.Combine(root, "src"), "PACKAGE.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)))
            .Order(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^```(?:csharp|cs|c#)\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex BlockPattern();

    [Fact]
    public void TheDocsHaveCSharpBlocks_InTheReadmeTheHostingGuideAndEveryPackage() =>
        Assert.True(Blocks().Count >= 12, $"found {Blocks().Count} blocks");

    [Theory]
    [MemberData(nameof(Blocks))]
    public void EachCSharpBlock_CompilesAsPasted(string file, int block)
    {
        var code = BlockPattern().Matches(File.ReadAllText(Path.Combine(Repo.Root, file)).ReplaceLineEndings("\n"))[block - 1].Groups[1].Value;
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(code, options, path: $"{file}#{block}");
        var program = tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "DocBlock",
            [tree, CSharpSyntaxTree.ParseText(ImplicitUsings, options)],
            References.Value,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(errors.Length == 0, $"{file}, C# block {block}, does not compile as pasted:\n{string.Join("\n", errors)}");
    }
}
