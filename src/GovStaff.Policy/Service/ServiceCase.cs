using System.Text.Json.Serialization;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>A case (办件) accepted at a body by a staff member, tracked until the result reaches the applicant (Art. 10, 12(5), 21).</summary>
public sealed record ServiceCase
{
    /// <summary>Creates a case in <see cref="CaseState.Draft"/>; <c>CaseRules.Accept</c> opens it.</summary>
    /// <param name="id">The case's id.</param>
    /// <param name="body">The body that accepted it.</param>
    /// <param name="acceptedBy">The staff member who accepted it.</param>
    /// <param name="item">The item (事项) applied for.</param>
    /// <param name="channel">Online or on site.</param>
    /// <param name="acceptedOn">The day of acceptance (受理之日; not counted).</param>
    /// <param name="statutoryLimit">The statutory limit in working days.</param>
    /// <param name="promisedLimit">The promised limit in working days (承诺时限).</param>
    /// <exception cref="ArgumentException">A field is invalid or a limit is not positive.</exception>
    public ServiceCase(string id, ServiceBodyId body, StaffId acceptedBy, string item, ServiceChannel channel, LocalDate acceptedOn, int statutoryLimit, int promisedLimit)
    {
        Id = IdValidation.Check(id, "Case id");
        Body = Guard.Id(body, nameof(Body));
        AcceptedBy = Guard.Id(acceptedBy, nameof(AcceptedBy));
        Item = Guard.Text(item, nameof(Item));
        Channel = Guard.Defined(channel, nameof(Channel));
        AcceptedOn = Guard.IsoDate(acceptedOn, nameof(AcceptedOn));
        StatutoryLimit = statutoryLimit is > 0 and <= 365 ? statutoryLimit : throw new ArgumentOutOfRangeException(nameof(statutoryLimit), statutoryLimit, "A statutory limit is 1–365 working days.");
        PromisedLimit = promisedLimit is > 0 and <= 365 ? promisedLimit : throw new ArgumentOutOfRangeException(nameof(promisedLimit), promisedLimit, "A promised limit is 1–365 working days.");
        State = CaseState.Draft;
    }

    /// <summary>The case's id.</summary>
    public string Id { get; }

    /// <summary>True when a village agent accepted it as agent (Art. 11(2), 13), so its duties cite Art. 11 rather than Art. 10.</summary>
    [JsonInclude]
    public bool AcceptedByVillageAgent { get; internal init; }

    /// <summary>The accepting body.</summary>
    public ServiceBodyId Body { get; }

    /// <summary>Who accepted it.</summary>
    public StaffId AcceptedBy { get; }

    /// <summary>The item.</summary>
    public string Item { get; }

    /// <summary>Online or on site.</summary>
    public ServiceChannel Channel { get; }

    /// <summary>The day of acceptance.</summary>
    public LocalDate AcceptedOn { get; }

    /// <summary>The statutory limit, working days.</summary>
    public int StatutoryLimit { get; }

    /// <summary>The promised limit, working days.</summary>
    public int PromisedLimit { get; }

    /// <summary>Where it stands.</summary>
    [JsonInclude]
    public CaseState State { get; internal init; }

    /// <summary>Working days added by the one approved extension (0 when none).</summary>
    [JsonInclude]
    public int ExtensionDays { get; internal init; }

    /// <summary>Why the time was extended, as told to the applicant.</summary>
    [JsonInclude]
    public string? ExtensionReason { get; internal init; }

    /// <summary>Who approved the extension.</summary>
    [JsonInclude]
    public Actor? ExtensionApprovedBy { get; internal init; }

    /// <summary>The periods the clock stood still.</summary>
    [JsonInclude]
    public IReadOnlyList<Suspension> Suspensions { get; internal init; } = [];

    /// <summary>The day it was completed.</summary>
    [JsonInclude]
    public LocalDate? CompletedOn { get; internal init; }

    /// <summary>The result.</summary>
    [JsonInclude]
    public string? Result { get; internal init; }

    /// <summary>The day the result was fed back to the applicant.</summary>
    [JsonInclude]
    public LocalDate? FeedbackOn { get; internal init; }

    /// <summary>Whether the case may be disclosed (Art. 20); set when it involves a secret or personal privacy.</summary>
    public Confidentiality Confidentiality { get; init; }

    /// <summary>True once the director has been asked to supervise (督办).</summary>
    [JsonInclude]
    public bool UnderSupervision { get; internal init; }

    /// <summary>The subject string, <c>case:{id}</c>.</summary>
    [JsonIgnore]
    public string Subject => "case:" + Id;

    /// <inheritdoc />
    public bool Equals(ServiceCase? other) =>
        other is not null && Id == other.Id && Body == other.Body && AcceptedBy == other.AcceptedBy && Item == other.Item && Channel == other.Channel &&
        AcceptedOn == other.AcceptedOn && StatutoryLimit == other.StatutoryLimit && PromisedLimit == other.PromisedLimit && State == other.State &&
        ExtensionDays == other.ExtensionDays && ExtensionReason == other.ExtensionReason && ExtensionApprovedBy == other.ExtensionApprovedBy &&
        Suspensions.SequenceEqual(other.Suspensions) && CompletedOn == other.CompletedOn && Result == other.Result && FeedbackOn == other.FeedbackOn &&
        UnderSupervision == other.UnderSupervision && Confidentiality == other.Confidentiality;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, State, CompletedOn);
}
