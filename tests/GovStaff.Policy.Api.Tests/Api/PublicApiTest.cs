using System.Reflection;
using GovStaff.Policy.Tests.Support;
using PublicApiGenerator;

namespace GovStaff.Policy.Api.Tests;

/// <summary>
/// The public API of every shipped package, approved: the text in <c>Api/&lt;package&gt;.approved.txt</c> is reviewed
/// like a snapshot. A change to a public type or member fails here until the approved file is updated with it (the
/// test writes <c>&lt;package&gt;.received.txt</c> beside it to compare and copy). The entry points a vendor calls
/// first live in <c>Microsoft.Extensions.DependencyInjection</c> (<c>AddGovStaffPolicy</c>, <c>UseSqliteStorage</c>, …),
/// a namespace the generator leaves out unless told: they are approved with the rest.
/// </summary>
public sealed class PublicApiTest
{
    public static TheoryData<string> Packages() =>
    [
        "GovStaff.Policy",
        "GovStaff.Policy.Hosting.Abstractions",
        "GovStaff.Policy.Hosting",
        "GovStaff.Policy.Storage.Sqlite",
        "GovStaff.Policy.Storage.PostgreSql",
        "GovStaff.Policy.Notifications.Webhook",
        "GovStaff.Policy.Notifications.Email",
    ];

    // Assembly attributes are left out: the informational version carries the commit.
    internal static readonly ApiGeneratorOptions Options = new()
    {
        IncludeAssemblyAttributes = false,
        AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
    };

    [Fact]
    public void TheDependencyInjectionEntryPoints_AreInTheApprovedApi()
    {
        var hosting = File.ReadAllText(Path.Combine(Repo.Root, "tests", "GovStaff.Policy.Api.Tests", "Api", "GovStaff.Policy.Hosting.approved.txt"));
        Assert.Contains("namespace Microsoft.Extensions.DependencyInjection", hosting, StringComparison.Ordinal);
        Assert.Contains("AddGovStaffPolicy(", hosting, StringComparison.Ordinal);
        Assert.Contains("UseSqliteStorage(", File.ReadAllText(Path.Combine(Repo.Root, "tests", "GovStaff.Policy.Api.Tests", "Api", "GovStaff.Policy.Storage.Sqlite.approved.txt")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void ThePublicApi_IsTheApprovedOne(string package)
    {
        var api = Assembly.Load(package).GeneratePublicApi(Options).ReplaceLineEndings("\n");
        var folder = Path.Combine(Repo.Root, "tests", "GovStaff.Policy.Api.Tests", "Api");
        var approved = Path.Combine(folder, package + ".approved.txt");
        var received = Path.Combine(folder, package + ".received.txt");
        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : string.Empty;
        if (api == expected)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, api);
        Assert.Fail($"The public API of {package} changed. Review {received} against {approved}; if the change is intended, copy it over the approved file.");
    }
}
