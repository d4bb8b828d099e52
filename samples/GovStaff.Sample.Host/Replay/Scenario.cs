using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;

namespace GovStaff.Sample.Host.Replay;

/// <summary>A scenario file (docs/scenarios.md, docs/scenario.schema.json): a district and a dated list of actions.</summary>
internal sealed record Scenario(string Name, ServiceNetwork Network, IReadOnlyList<ScenarioAction> Actions, IReadOnlyList<int> ActionLines)
{
    /// <summary>The file it was read from, as given.</summary>
    public string File { get; init; } = string.Empty;

    /// <summary>A digest of the file's bytes: the same file replayed again is recognised, an edited one is not.</summary>
    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>The policy version every action is judged by, when the file pins one; otherwise the one in force on each date.</summary>
    public string? PolicyVersion { get; init; }

    /// <summary>The policy versions the file declares; null to use the host's.</summary>
    public PolicyVersionSet? Versions { get; init; }

    /// <summary>The calendar the file declares; null to use the host's.</summary>
    public WorkCalendar? Calendar { get; init; }

    /// <summary>The appraisal methods (indicator sets per appraising body) the file declares; null for the defaults.</summary>
    public GovStaff.Policy.Appraisal.AppraisalSchemes? Schemes { get; init; }
}

/// <summary>Who acts: a person for a service body or a home unit.</summary>
internal sealed record ActorSpec
{
    public required string Person { get; init; }

    public string? Body { get; init; }

    public string? Unit { get; init; }
}

/// <summary>
/// What an action's decision must show for the scenario to hold (<c>replay --check</c>): its outcome, citations that
/// must appear (either form), finding codes, and texts that must or must not appear in its messages (either language).
/// For a deadline check the expectation is judged on all the decisions it printed together; its outcome is the most
/// severe of them (<c>permitted</c> when nothing was due).
/// </summary>
internal sealed record Expectation
{
    public string? Outcome { get; init; }

    public IReadOnlyList<string>? Cites { get; init; }

    public IReadOnlyList<string>? Codes { get; init; }

    public IReadOnlyList<string>? Messages { get; init; }

    public IReadOnlyList<string>? NotMessages { get; init; }
}
