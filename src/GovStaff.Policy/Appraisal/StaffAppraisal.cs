using System.Text.Json.Serialization;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Appraisal;

/// <summary>One person's appraisal for one period, and its lifecycle (Art. 23–28).</summary>
public sealed record StaffAppraisal
{
    /// <summary>Opens an appraisal in <see cref="AppraisalState.Open"/>.</summary>
    /// <param name="id">The appraisal's id.</param>
    /// <param name="staff">Who is appraised.</param>
    /// <param name="period">The period (a quarter, or the year).</param>
    /// <param name="stationedOn">When the person was stationed at the body (Art. 23's six months), if known.</param>
    public StaffAppraisal(string id, StaffId staff, AppraisalPeriod period, LocalDate? stationedOn = null)
    {
        Id = IdValidation.Check(id, "Appraisal id");
        Staff = Guard.Id(staff, nameof(Staff));
        Period = period.Months > 0 ? period : throw new ArgumentException("The appraisal period must be set.", nameof(period));
        StationedOn = stationedOn;
    }

    /// <summary>The appraisal's id.</summary>
    public string Id { get; }

    /// <summary>Who is appraised.</summary>
    public StaffId Staff { get; }

    /// <summary>The period.</summary>
    public AppraisalPeriod Period { get; }

    /// <summary>When the person was stationed at the body, if known.</summary>
    public LocalDate? StationedOn { get; }

    /// <summary>Where the appraisal stands.</summary>
    [JsonInclude]
    public AppraisalState State { get; internal init; }

    /// <summary>The indicator set scored against.</summary>
    [JsonInclude]
    public string? IndicatorSet { get; internal init; }

    /// <summary>The scores by indicator code (0–100).</summary>
    [JsonInclude]
    public IReadOnlyDictionary<string, decimal> Scores { get; internal init; } = NoScores;

    /// <summary>The appraising bodies that have signed.</summary>
    [JsonInclude]
    public IReadOnlyList<Party> SignedBy { get; internal init; } = [];

    /// <summary>The weighted total, once graded.</summary>
    [JsonInclude]
    public decimal? Total { get; internal init; }

    /// <summary>The grade, once graded.</summary>
    [JsonInclude]
    public Grade? Grade { get; internal init; }

    /// <summary>When it was graded.</summary>
    [JsonInclude]
    public LocalDate? GradedOn { get; internal init; }

    /// <summary>The subject string, <c>appraisal:{id}</c>.</summary>
    [JsonIgnore]
    public string Subject => _subject ??= "appraisal:" + Id;

    // Every transition names the subject; made once per appraisal (the id never changes, so copies may share it).
    private string? _subject;

    private static readonly IReadOnlyDictionary<string, decimal> NoScores = System.Collections.ObjectModel.ReadOnlyDictionary<string, decimal>.Empty;

    /// <inheritdoc />
    public bool Equals(StaffAppraisal? other) =>
        other is not null && Id == other.Id && Staff == other.Staff && Period == other.Period && StationedOn == other.StationedOn &&
        State == other.State && IndicatorSet == other.IndicatorSet && Total == other.Total && Grade == other.Grade && GradedOn == other.GradedOn &&
        SignedBy.SequenceEqual(other.SignedBy) && Scores.Count == other.Scores.Count &&
        Scores.All(kv => other.Scores.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Staff, Period, State, Total, Grade);
}
