using System.Text.Json.Serialization;
using NodaTime;

namespace GovStaff.Policy.Service;

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

    /// <summary>The appeal, if any, filed by the rated side (申诉).</summary>
    [JsonInclude]
    public AppealGround? Appeal { get; internal init; }

    /// <summary>When the rated side filed the appeal.</summary>
    [JsonInclude]
    public LocalDate? AppealFiledOn { get; internal init; }

    /// <summary>Who filed the appeal.</summary>
    [JsonInclude]
    public Decisions.Actor? AppealFiledBy { get; internal init; }

    /// <summary>The reviewer's conclusion (复核): true upheld (the review is annulled), false rejected, null not yet reviewed.</summary>
    [JsonInclude]
    public bool? AppealUpheld { get; internal init; }

    /// <summary>The reviewer's recorded finding: why the appeal was upheld or rejected.</summary>
    [JsonInclude]
    public string? AppealFinding { get; internal init; }

    /// <summary>Who reviewed the appeal: the service authority, independent of the rated person and body.</summary>
    [JsonInclude]
    public Decisions.Actor? AppealReviewedBy { get; internal init; }

    /// <summary>The subject string, <c>rectification:{rating id}</c>.</summary>
    [JsonIgnore]
    public string Subject => "rectification:" + Rating.Id;
}
