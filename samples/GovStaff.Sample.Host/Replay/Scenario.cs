using System.Text.Json.Serialization;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

/// <summary>A scenario file (docs/scenarios.md, docs/scenario.schema.json): a district and a dated list of actions.</summary>
internal sealed record Scenario(string Name, ServiceNetwork Network, IReadOnlyList<ScenarioAction> Actions, IReadOnlyList<int> ActionLines)
{
    /// <summary>A digest of the file's bytes: the same file replayed again is recognised, an edited one is not.</summary>
    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>The policy version every action is judged by, when the file pins one; otherwise the one in force on each date.</summary>
    public string? PolicyVersion { get; init; }
}

/// <summary>Who acts: a person for a service body or a home unit.</summary>
internal sealed record ActorSpec(string Person, string? Body = null, string? Unit = null);

/// <summary>One action of a scenario; which fields it needs depends on <see cref="Type"/>.</summary>
internal sealed record ScenarioAction
{
    [JsonRequired] public string Type { get; init; } = string.Empty;
    [JsonRequired] public LocalDate At { get; init; }
    public string? Id { get; init; }
    public string? Staff { get; init; }
    public string? Body { get; init; }
    public Role? Role { get; init; }
    public ActorSpec? Actor { get; init; }
    public LocalDate? From { get; init; }
    public LocalDate? To { get; init; }
    public string? Reason { get; init; }
    public string? LateReason { get; init; }
    public string? Kind { get; init; }
    public LocalDate? StationedOn { get; init; }
    public string? ExceptionalReason { get; init; }
    public string? Item { get; init; }
    public string? Channel { get; init; }
    public int? StatutoryLimit { get; init; }
    public int? PromisedLimit { get; init; }
    public string? Result { get; init; }
    public LocalDate? FeedbackOn { get; init; }
    public string? Level { get; init; }
    public bool? RealName { get; init; }
    public string? Summary { get; init; }
    public string? About { get; init; }
}
