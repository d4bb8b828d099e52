using System.Reflection;
using NetArchTest.Rules;

namespace GovStaff.Policy.Hosting.Tests;

/// <summary>What depends on what, stated as rules the build keeps (NetArchTest for namespaces, metadata for assemblies).</summary>
public sealed class ArchitectureTest
{
    private static readonly Assembly Core = typeof(Decisions.PolicyEngine).Assembly;

    private static readonly string[] Plugins =
    [
        "GovStaff.Policy.Storage.Sqlite",
        "GovStaff.Policy.Storage.PostgreSql",
        "GovStaff.Policy.Notifications.Webhook",
        "GovStaff.Policy.Notifications.Email",
    ];

    private static readonly string[] Packages = ["GovStaff.Policy", "GovStaff.Policy.Hosting.Abstractions", "GovStaff.Policy.Hosting", .. Plugins];

    private static string[] References(string assembly) => [.. Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void TheCore_ReferencesNoHostingNoPluginAndNoSample()
    {
        var references = References("GovStaff.Policy");
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Extensions", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("GovStaff.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Polly", StringComparison.Ordinal) || r.StartsWith("McMaster", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PluginNames))]
    public void APlugin_BuildsOnTheCoreAndTheAbstractions_NotOnTheHostNorAnotherPlugin(string plugin)
    {
        var references = References(plugin);
        Assert.Contains("GovStaff.Policy", references);
        Assert.Contains("GovStaff.Policy.Hosting.Abstractions", references);
        Assert.DoesNotContain("GovStaff.Policy.Hosting", references);
        Assert.DoesNotContain(references, r => Plugins.Contains(r) && r != plugin);
        Assert.DoesNotContain(references, r => r.StartsWith("Polly", StringComparison.Ordinal) || r.StartsWith("McMaster", StringComparison.Ordinal));
    }

    public static TheoryData<string> PluginNames() => new(Plugins);

    [Fact]
    public void TheAbstractions_CarryNoLoaderAndNoResilienceLibrary()
    {
        var references = References("GovStaff.Policy.Hosting.Abstractions");
        Assert.DoesNotContain(references, r => r.StartsWith("Polly", StringComparison.Ordinal) || r.StartsWith("McMaster", StringComparison.Ordinal) || r == "GovStaff.Policy.Hosting");
    }

    /// <summary>The core's namespaces, bottom to top (docs/architecture.md): each may use those below it, none above.</summary>
    public static readonly string[] Layers =
    [
        "Calendars", "Regulation", "Organization", "Decisions", "Lifecycles", "Attendance", "Staffing", "Appraisal", "Service", "Reporting", "Plugins", "Serialization",
    ];

    public static TheoryData<string> LayerNames() => new(Layers);

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void ANamespaceOfTheCore_DependsOnlyOnTheLayersBelowIt(string layer)
    {
        var above = Layers.SkipWhile(l => l != layer).Skip(1).Select(l => "GovStaff.Policy." + l).ToArray();
        if (above.Length == 0)
        {
            return; // the top layer may use every other
        }

        var result = Types.InAssembly(Core).That().ResideInNamespace("GovStaff.Policy." + layer).ShouldNot().HaveDependencyOnAny(above).GetResult();
        Assert.True(result.IsSuccessful, $"{layer} types that use a layer above: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    [Fact]
    public void TheRootNamespace_DependsOnNoLayer_AndEveryOtherNamespaceIsALayer()
    {
        var result = Types.InAssembly(Core).That().ResideInNamespaceMatching(@"^GovStaff\.Policy$").ShouldNot()
            .HaveDependencyOnAny([.. Layers.Select(l => "GovStaff.Policy." + l)]).GetResult();
        Assert.True(result.IsSuccessful, "Root types that use a layer: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
        var namespaces = Core.GetTypes().Select(t => t.Namespace).Where(n => n is not null && n.StartsWith("GovStaff.Policy.", StringComparison.Ordinal)).Distinct();
        Assert.All(namespaces, n => Assert.Contains(n!["GovStaff.Policy.".Length..], Layers));
    }

    [Fact]
    public void AttributesToo_NameOnlyTypesOfTheSameLayerOrBelow()
    {
        // A [JsonConverter(typeof(…))] is a dependency the IL scan does not see: the converters live beside their types.
        int Rank(Type t) => t.Namespace is { } n && n.StartsWith("GovStaff.Policy.", StringComparison.Ordinal) ? Array.IndexOf(Layers, n["GovStaff.Policy.".Length..]) : -1;
        var upward = new List<string>();
        foreach (var type in Core.GetTypes().Where(t => Rank(t) >= 0))
        {
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Cast<MemberInfo>().Prepend(type);
            foreach (var attribute in members.SelectMany(m => m.GetCustomAttributesData()))
            {
                foreach (var named in attribute.ConstructorArguments.Where(a => a.Value is Type).Select(a => (Type)a.Value!))
                {
                    if (named.Assembly == Core && Rank(named) > Rank(type))
                    {
                        upward.Add($"{type.FullName} → {named.FullName}");
                    }
                }
            }
        }

        Assert.Empty(upward);
    }

    [Fact]
    public void TheSample_UsesThePublicApiOnly_NoPackageSharesItsInternalsWithIt()
    {
        foreach (var assembly in Packages.Select(Assembly.Load))
        {
            Assert.DoesNotContain(assembly.GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>(), a => a.AssemblyName.StartsWith("GovStaff.Sample", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Calendars_DependOnNothingOfTheRegulationOrTheDecisions()
    {
        var result = Types.InAssembly(Core).That().ResideInNamespace("GovStaff.Policy.Calendars")
            .ShouldNot().HaveDependencyOnAny("GovStaff.Policy.Regulation", "GovStaff.Policy.Decisions").GetResult();
        Assert.True(result.IsSuccessful, "Calendar types that depend on the regulation or decisions: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    [Fact]
    public void TheLifecycleMachinery_KnowsNoConcreteLifecycle()
    {
        var result = Types.InAssembly(Core).That().ResideInNamespace("GovStaff.Policy.Lifecycles")
            .ShouldNot().HaveDependencyOnAny("GovStaff.Policy.Staffing", "GovStaff.Policy.Attendance", "GovStaff.Policy.Service", "GovStaff.Policy.Appraisal").GetResult();
        Assert.True(result.IsSuccessful, "Lifecycle machinery that names a concrete lifecycle: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    [Fact]
    public void TheHost_AuthorsNoRule_ItsMonitorsCallTheRuleServices()
    {
        // A rule is a Finding with a citation: the host may pass them on, never make one.
        var result = Types.InAssembly(typeof(PolicyMonitors).Assembly).ShouldNot().HaveDependencyOnAny("GovStaff.Policy.Regulation.Citation").GetResult();
        Assert.True(result.IsSuccessful, "Host types that cite an article themselves: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }
}
