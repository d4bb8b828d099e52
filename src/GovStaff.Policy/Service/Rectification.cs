using System.Text.Json.Serialization;
using GovStaff.Policy.Lifecycles;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>An appeal against a bad review (申诉复核).</summary>
public enum AppealGround
{
    /// <summary>误评: a mistaken review.</summary>
    Mistaken = 1,

    /// <summary>恶意差评: a malicious review.</summary>
    Malicious = 2,
}

/// <summary>Where the handling of a bad review stands.</summary>
public enum RectificationState
{
    /// <summary>Opened by the bad review.</summary>
    [ChineseName("待整改")]
    Open = 0,

    /// <summary>The rater was contacted and the facts checked (回访核实).</summary>
    [ChineseName("已回访核实")]
    Contacted = 1,

    /// <summary>Rectified, with feedback to the rater (整改反馈).</summary>
    [ChineseName("已整改反馈")]
    Rectified = 2,

    /// <summary>Closed.</summary>
    [ChineseName("已办结")]
    Closed = 3,

    /// <summary>An appeal was upheld: the review does not count.</summary>
    [ChineseName("已撤销")]
    Annulled = 4,
}

/// <summary>The handling of one bad review: contact, rectification with feedback, return visit, or appeal (Art. 20).</summary>
/// <param name="Rating">The bad review.</param>
/// <param name="RatedOn">The day of the review, in the body's zone.</param>
public sealed record Rectification(Rating Rating, LocalDate RatedOn)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Rating, nameof(Rating));

    /// <summary>Where it stands.</summary>
    [JsonInclude]
    public RectificationState State { get; internal init; }

    /// <summary>When the rater was contacted.</summary>
    [JsonInclude]
    public LocalDate? ContactedOn { get; internal init; }

    /// <summary>When the rectification was fed back.</summary>
    [JsonInclude]
    public LocalDate? RectifiedOn { get; internal init; }

    /// <summary>What was done.</summary>
    [JsonInclude]
    public string? Measures { get; internal init; }

    /// <summary>When the return visit took place (real-name reviews).</summary>
    [JsonInclude]
    public LocalDate? ReturnVisitOn { get; internal init; }

    /// <summary>The appeal, if any.</summary>
    [JsonInclude]
    public AppealGround? Appeal { get; internal init; }

    /// <summary>The subject string, <c>rectification:{rating id}</c>.</summary>
    [JsonIgnore]
    public string Subject => "rectification:" + Rating.Id;
}
