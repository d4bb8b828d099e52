using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Tests.Support;

namespace GovStaff.Policy.Tests.Lifecycles;

/// <summary>
/// The committed diagrams in docs/diagrams must be what the code draws. To regenerate after changing a lifecycle, run
/// the tests with GOVSTAFF_UPDATE_DIAGRAMS=1 and review the diff like code.
/// </summary>
public class LifecycleDiagramTest
{
    private static readonly string Dir = Path.Combine(Repo.Root, "docs", "diagrams");

    public static TheoryData<string> Names => new(LifecycleDiagrams.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void CommittedDiagrams_MatchTheCode(string name)
    {
        var diagram = LifecycleDiagrams.Get(name);
        var mermaidPath = Path.Combine(Dir, name + ".mmd");
        var dotPath = Path.Combine(Dir, name + ".dot");
        if (Environment.GetEnvironmentVariable("GOVSTAFF_UPDATE_DIAGRAMS") == "1")
        {
            Directory.CreateDirectory(Dir);
            File.WriteAllText(mermaidPath, Normalise(diagram.Mermaid));
            File.WriteAllText(dotPath, Normalise(diagram.Dot));
        }

        Assert.True(File.Exists(mermaidPath), $"{mermaidPath} is missing; run the tests with GOVSTAFF_UPDATE_DIAGRAMS=1.");
        Assert.Equal(Normalise(diagram.Mermaid), File.ReadAllText(mermaidPath));
        Assert.Equal(Normalise(diagram.Dot), File.ReadAllText(dotPath));
    }

    [Fact]
    public void Diagrams_ShowTheLawsShape()
    {
        var leave = LifecycleDiagrams.Get("leave").Mermaid;
        Assert.Contains("Requested --> Approved : Approve", leave);
        Assert.Contains("Returned --> Closed : ReportBack", leave);
        var transfer = LifecycleDiagrams.Get("transfer").Mermaid;
        Assert.Contains("Approved --> Executed : Execute", transfer);
        Assert.DoesNotContain("Requested --> Executed", transfer); // Art. 7: no adjustment before approval
        var recall = LifecycleDiagrams.Get("recall").Mermaid;
        Assert.DoesNotContain("ReplacementNominated --> OnPost", recall); // Art. 29: approval comes first
        Assert.Throws<KeyNotFoundException>(() => LifecycleDiagrams.Get("nope"));
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n").TrimEnd() + "\n";
}
