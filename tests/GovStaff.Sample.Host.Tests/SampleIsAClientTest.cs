using System.Text.RegularExpressions;
using GovStaff.Policy.Tests.Support;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// The sample host is a client of the library: every finding and citation it prints comes from the library's rules. It
/// used to author twelve (sign-in and sign-out under 12(1), extended hours, first contact, applications, appointments,
/// publishing, reports, "nothing due", a refusal to appraise or sanction someone not stationed, "no such sanction").
/// </summary>
public sealed partial class SampleIsAClientTest
{
    [Fact]
    public void TheSample_MakesNoFindingAndNoCitationOfItsOwn()
    {
        var folder = Path.Combine(Repo.Root, "samples", "GovStaff.Sample.Host");
        var authored = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(folder, f), Line: i + 1, Text: line)))
            .Where(l => Authoring().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(authored.Count == 0, "The sample authors law:\n" + string.Join("\n", authored));
    }

    // Making a finding or a citation; reading one (Citation.TryParse of a scenario's expectation) is not authoring.
    [GeneratedRegex(@"new\s+(GovStaff\.Policy\.(Decisions|Regulation)\.)?(Finding|Citation)\s*\(")]
    private static partial Regex Authoring();
}
