using System.Text.Json.Serialization;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Appraisal;

/// <summary>An admonition talk after a failed quarter, with its rectification deadline (诫勉谈话、限期整改, Art. 29).</summary>
/// <param name="Id">The admonition's id.</param>
/// <param name="Staff">Who was admonished.</param>
/// <param name="FailedPeriod">The failed period.</param>
/// <param name="TalkedOn">The day of the talk.</param>
/// <param name="RectifyBy">The last day to rectify.</param>
/// <param name="By">The service authority's representative.</param>
public sealed record Admonition(string Id, StaffId Staff, AppraisalPeriod FailedPeriod, LocalDate TalkedOn, LocalDate RectifyBy, Actor By)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Id, nameof(Id)) && Guard.NotNull(By, nameof(By));

    /// <summary>When rectification was confirmed, if it was.</summary>
    [JsonInclude]
    public LocalDate? RectifiedOn { get; internal init; }

    /// <summary>The subject string, <c>admonition:{id}</c>.</summary>
    [JsonIgnore]
    public string Subject => "admonition:" + Id;
}
