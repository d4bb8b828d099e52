using System.Text.RegularExpressions;
using GovStaff.Policy.Tests.Support;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// The sample host runs in process in every test but the named set in <see cref="RealProcessTest"/>: a process per case
/// is what made this suite take minutes (<see cref="RealProcessTest.SameAsInProcess"/> shows the two agree).
/// </summary>
public sealed partial class InProcessTest
{
    [Fact]
    public void OnlyRealProcessTest_StartsTheHostAsAProcess_AndItsSetStaysSmall()
    {
        var folder = Path.Combine(Repo.Root, "tests", "GovStaff.Sample.Host.Tests");
        var starters = Directory.EnumerateFiles(folder, "*.cs")
            .Where(f => Path.GetFileName(f) is not ("RealProcessTest.cs" or "SampleHost.cs" or "InProcessTest.cs"))
            .Where(f => ProcessStart().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName)
            .ToList();
        Assert.Empty(starters);

        var named = typeof(RealProcessTest).GetNestedTypes().Where(t => !t.IsAbstract).ToList();
        Assert.InRange(named.Count, 1, 10);
    }

    [GeneratedRegex(@"SampleHost\.(RunProcess|Start|StartCopy)\(|Process\.Start\(")]
    private static partial Regex ProcessStart();
}
