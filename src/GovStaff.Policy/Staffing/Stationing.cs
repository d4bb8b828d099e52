using System.Text.Json.Serialization;
using GovStaff.Policy.Decisions;
using NodaTime;

namespace GovStaff.Policy.Staffing;

/// <summary>One person's stationing at a service body, from nomination to leaving, and its lifecycle.</summary>
public sealed record Stationing
{
    /// <summary>Creates a stationing in <see cref="StationingState.Draft"/>; <c>StationingLifecycle.Nominate</c> files it.</summary>
    /// <param name="id">The stationing's id.</param>
    /// <param name="nomination">The nomination it starts from.</param>
    public Stationing(string id, Nomination nomination)
    {
        Id = IdValidation.Check(id, "Stationing id");
        ArgumentNullException.ThrowIfNull(nomination);
        Nomination = nomination;
        State = StationingState.Draft;
    }

    /// <summary>The stationing's id.</summary>
    public string Id { get; }

    /// <summary>The nomination.</summary>
    public Nomination Nomination { get; }

    /// <summary>Where it stands.</summary>
    [JsonInclude]
    public StationingState State { get; internal init; }

    /// <summary>The first day at the body.</summary>
    [JsonInclude]
    public LocalDate? StationedOn { get; internal init; }

    /// <summary>The day the person left.</summary>
    [JsonInclude]
    public LocalDate? LeftOn { get; internal init; }

    /// <summary>Why the person left.</summary>
    [JsonInclude]
    public LeavingReason? LeftBecause { get; internal init; }

    /// <summary>What proves the ground of leaving: the transfer request's or recall's id, or a document reference.</summary>
    [JsonInclude]
    public string? LeftOnGround { get; internal init; }

    /// <summary>Who vetted the nomination.</summary>
    [JsonInclude]
    public Actor? VettedBy { get; internal init; }

    /// <summary>The subject string, <c>stationing:{id}</c>.</summary>
    [JsonIgnore]
    public string Subject => "stationing:" + Id;
}
