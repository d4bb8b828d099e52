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
