using System.Xml.Linq;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Regulation;

namespace GovStaff.Sample.Host.Replay;

/// <summary>
/// The judgement of every <c>expect</c> of the scenarios a <c>replay --check</c> runs: each action's expectation is
/// one test; every part of it that does not hold is one failure line naming the file, the line and what differed.
/// </summary>
internal sealed class ExpectationReport
{
    private readonly List<Case> _cases = [];

    /// <summary>One action's expectation and the parts of it that did not hold.</summary>
    public sealed record Case(string File, int Line, int Index, string Type, string? Id, IReadOnlyList<string> Failures);

    public IReadOnlyList<Case> Cases => _cases;

    public int Held => _cases.Count(c => c.Failures.Count == 0);

    public int Total => _cases.Count;

    /// <summary>A file that could not be checked at all (malformed): one failed case naming why.</summary>
    public void Malformed(string file, string problem) => _cases.Add(new Case(file, 0, -1, "file", null, [problem]));

    public void Judge(Scenario scenario, int index, Step step)
    {
        var action = scenario.Actions[index];
        if (action.Expect is not { } expect)
        {
            return;
        }

        var decisions = new List<Decision> { step.Decision };
        if (step.Further is { } more)
        {
            decisions.AddRange(more);
        }

        var failures = new List<string>();
        // A deadline check that found nothing due prints one "nothing due" line: its outcome is permitted.
        var outcome = decisions.Max(d => d.Outcome);
        if (expect.Outcome is { } o && !string.Equals(OutcomeName(outcome), o, StringComparison.Ordinal))
        {
            failures.Add($"outcome: expected {o}, got {OutcomeName(outcome)}");
        }

        var cited = decisions.SelectMany(d => d.Citations).ToHashSet();
        foreach (var text in expect.Cites ?? [])
        {
            var citation = Citation.Parse(text);
            if (!cited.Contains(citation))
            {
                failures.Add($"cites: {citation.ToString("both", null)} does not appear (cited: {string.Join(", ", cited.Order().Select(c => c.ToString("both", null)))})");
            }
        }

        var codes = decisions.SelectMany(d => d.Findings).Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var code in expect.Codes ?? [])
        {
            if (!codes.Contains(code))
            {
                failures.Add($"codes: {code} does not appear (found: {string.Join(", ", codes.Order(StringComparer.Ordinal))})");
            }
        }

        var messages = decisions.SelectMany(d => d.Findings).SelectMany(f => new[] { f.Message.Zh, f.Message.En }).ToArray();
        foreach (var text in expect.Messages ?? [])
        {
            if (!messages.Any(m => m.Contains(text, StringComparison.Ordinal)))
            {
                failures.Add($"messages: \"{text}\" does not appear");
            }
        }

        foreach (var text in expect.NotMessages ?? [])
        {
            if (messages.Any(m => m.Contains(text, StringComparison.Ordinal)))
            {
                failures.Add($"notMessages: \"{text}\" appears");
            }
        }

        _cases.Add(new Case(scenario.File, scenario.ActionLines[index], index, action.Type, action.EntityId, failures));
    }

    /// <summary>One line per failure: <c>file:line: actions[i] (type id): what differed</c>.</summary>
    public IEnumerable<string> FailureLines() =>
        _cases.SelectMany(c => c.Failures.Select(f => c.Index < 0
            ? $"{c.File}: {f}"
            : $"{c.File}:{c.Line}: actions[{c.Index}] ({c.Type}{(c.Id is null ? string.Empty : " " + c.Id)}): {f}"));

    /// <summary>The closing line.</summary>
    public string Summary() => $"{Held} of {Total} expectations hold";

    /// <summary>JUnit XML: a test suite per file, a test case per expectation, a failure per part that did not hold.</summary>
    public XDocument ToJUnit()
    {
        var suites = _cases.GroupBy(c => c.File).Select(g => new XElement("testsuite",
            new XAttribute("name", g.Key),
            new XAttribute("tests", g.Count()),
            new XAttribute("failures", g.Count(c => c.Failures.Count > 0)),
            g.Select(c => new XElement("testcase",
                new XAttribute("classname", Path.GetFileNameWithoutExtension(c.File)),
                new XAttribute("name", c.Index < 0 ? "file" : $"actions[{c.Index}] {c.Type}{(c.Id is null ? string.Empty : " " + c.Id)} (line {c.Line})"),
                c.Failures.Select(f => new XElement("failure", new XAttribute("message", f), f))))));
        return new XDocument(new XElement("testsuites",
            new XAttribute("name", "scenario expectations"),
            new XAttribute("tests", Total),
            new XAttribute("failures", Total - Held),
            suites));
    }

    private static string OutcomeName(Outcome outcome) => outcome switch
    {
        Outcome.Permitted => "permitted",
        Outcome.Warning => "warning",
        Outcome.RequiresApproval => "requiresApproval",
        _ => "refused",
    };
}
