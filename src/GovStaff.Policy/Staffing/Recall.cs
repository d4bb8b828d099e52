using System.Text.Json.Serialization;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Staffing;

/// <summary>A return to the home unit after consecutive failed quarters and the replacement that follows (Art. 29).</summary>
public sealed record Recall
{
    /// <summary>
    /// Creates a recall in <see cref="RecallState.Returned"/>. Only the sanction lifecycle (<c>SanctionLifecycle.Apply</c>, Art. 29) issues one
    /// (and the store reads one back): a recall is the evidence that ends a stationing under Art. 29, so no caller can
    /// make one without the failed quarters that decide it.
    /// </summary>
    /// <param name="id">The recall's id.</param>
    /// <param name="staff">Who is returned.</param>
    /// <param name="body">The body whose post is to be filled.</param>
    /// <param name="role">The role to fill.</param>
    /// <param name="homeUnit">The home unit the person returns to, which nominates the replacement.</param>
    /// <param name="failedPeriods">The consecutive failed periods.</param>
    /// <param name="returnedOn">The day of the return.</param>
    /// <param name="stationedOn">The first day of the stationing the failed quarters belong to, when known.</param>
    [JsonConstructor]
    internal Recall(string id, StaffId staff, ServiceBodyId body, Role role, HomeUnitId homeUnit, IReadOnlyList<AppraisalPeriod> failedPeriods, LocalDate returnedOn, LocalDate? stationedOn = null)
    {
        Id = IdValidation.Check(id, "Recall id");
        Staff = Guard.Id(staff, nameof(Staff));
        Body = Guard.Id(body, nameof(Body));
        Role = Guard.Defined(role, nameof(Role));
        HomeUnit = Guard.Id(homeUnit, nameof(HomeUnit));
        FailedPeriods = failedPeriods is { Count: > 0 } ? [.. failedPeriods] : throw new ArgumentException("A recall follows failed periods.", nameof(failedPeriods));
        ReturnedOn = returnedOn;
        StationedOn = stationedOn;
    }

    /// <summary>The recall's id.</summary>
    public string Id { get; }

    /// <summary>Who is returned.</summary>
    public StaffId Staff { get; }

    /// <summary>The body whose post is to be filled.</summary>
    public ServiceBodyId Body { get; }

    /// <summary>The role to fill.</summary>
    public Role Role { get; }

    /// <summary>The home unit.</summary>
    public HomeUnitId HomeUnit { get; }

    /// <summary>The consecutive failed periods.</summary>
    public IReadOnlyList<AppraisalPeriod> FailedPeriods { get; }

    /// <summary>The day of the return.</summary>
    public LocalDate ReturnedOn { get; }

    /// <summary>The first day of the stationing the recall ends (the failed quarters' stationing), when known.</summary>
    public LocalDate? StationedOn { get; }

    /// <summary>Where it stands.</summary>
    [JsonInclude]
    public RecallState State { get; internal init; }

    /// <summary>The replacement, once nominated.</summary>
    [JsonInclude]
    public StaffId? Replacement { get; internal init; }

    /// <summary>When the replacement took the post.</summary>
    [JsonInclude]
    public LocalDate? OnPostFrom { get; internal init; }

    /// <summary>The subject string, <c>recall:{id}</c>.</summary>
    [JsonIgnore]
    public string Subject => "recall:" + Id;

    /// <inheritdoc />
    public bool Equals(Recall? other) =>
        other is not null && Id == other.Id && Staff == other.Staff && Body == other.Body && Role == other.Role && HomeUnit == other.HomeUnit &&
        FailedPeriods.SequenceEqual(other.FailedPeriods) && ReturnedOn == other.ReturnedOn && StationedOn == other.StationedOn && State == other.State &&
        Replacement == other.Replacement && OnPostFrom == other.OnPostFrom;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Staff, State, Replacement);
}
