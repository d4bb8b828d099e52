using System.Reflection;
using System.Text.RegularExpressions;
using GovStaff.Policy.Tests.Support;

namespace GovStaff.Policy.Api.Tests;

/// <summary>
/// The docs name only what a vendor can use: a type named in code font in README.md, docs/*.md or a package's README
/// that is a type of the seven packages must be public. Internal types are the library's business; naming one sends a
/// reader looking for what they cannot call.
/// </summary>
public sealed partial class DocsNamePublicTypesTest
{
    private static readonly Assembly[] Packages =
    [
        .. new[]
        {
            "GovStaff.Policy", "GovStaff.Policy.Hosting.Abstractions", "GovStaff.Policy.Hosting", "GovStaff.Policy.Storage.Sqlite",
            "GovStaff.Policy.Storage.PostgreSql", "GovStaff.Policy.Notifications.Webhook", "GovStaff.Policy.Notifications.Email",
        }.Select(Assembly.Load),
    ];

    private static string Name(Type t) => t.Name.Split('`')[0];

    [Fact]
    public void EveryTypeOfThePackagesNamedInTheDocs_IsPublic()
    {
        var types = Packages.SelectMany(a => a.GetTypes()).Where(t => !t.Name.StartsWith('<') && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null).ToList();
        var visible = types.Where(t => t.IsVisible).Select(Name).ToHashSet(StringComparer.Ordinal);
        var hidden = types.Where(t => !t.IsVisible).Select(Name).Where(n => !visible.Contains(n)).ToHashSet(StringComparer.Ordinal);
        var root = Repo.Root;
        var documents = Enumerable.Repeat("README.md", 1)
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => Path.GetRelativePath(root, f)))
            .Concat(Directory.GetFiles(Path.Combine(root, "src"), "PACKAGE.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)));
        var named = new List<string>();
        foreach (var document in documents)
        {
            var lines = File.ReadAllLines(Path.Combine(root, document));
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in CodeSpan().Matches(lines[i]))
                {
                    if (hidden.Contains(m.Groups[1].Value))
                    {
                        named.Add($"{document}:{i + 1}: {m.Groups[1].Value}");
                    }
                }
            }
        }

        Assert.True(named.Count == 0, "Docs that name a type a vendor cannot use:\n" + string.Join("\n", named));
    }

    // `Type`, `Type.Member`, `Type<T>`, `Type(…)`: the identifier the code span starts with.
    [GeneratedRegex(@"`([A-Z][A-Za-z0-9]+)(?=[`.<(\[ ])")]
    private static partial Regex CodeSpan();
}
