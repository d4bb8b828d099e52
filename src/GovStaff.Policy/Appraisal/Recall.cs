using System.Text.Json.Serialization;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Appraisal;

/// <summary>A return to the home unit after consecutive failed quarters and the replacement that follows (Art. 29).</summary>
public sealed record Recall
{
    /// <summary>Creates a recall in <see cref="RecallState.Returned"/>.</summary>
    /// <param name="id">The recall's id.</param>
    /// <param name="staff">Who is returned.</param>
    /// <param name="body">The body whose post is to be filled.</param>
    /// <param name="role">The role to fill.</param>
    /// <param name="homeUnit">The home unit the person returns to, which nominates the replacement.</param>
    /// <param name="failedPeriods">The consecutive failed periods.</param>
    /// <param name="returnedOn">The day of the return.</param>
    public Recall(string id, StaffId staff, ServiceBodyId body, Role role, HomeUnitId homeUnit, IReadOnlyList<AppraisalPeriod> failedPeriods, LocalDate returnedOn)
    {
        Id = IdValidation.Check(id, "Recall id");
        Staff = Guard.Id(staff, nameof(Staff));
        Body = Guard.Id(body, nameof(Body));
        Role = Guard.Defined(role, nameof(Role));
        HomeUnit = Guard.Id(homeUnit, nameof(HomeUnit));
        FailedPeriods = failedPeriods is { Count: > 0 } ? [.. failedPeriods] : throw new ArgumentException("A recall follows failed periods.", nameof(failedPeriods));
        ReturnedOn = returnedOn;
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
        FailedPeriods.SequenceEqual(other.FailedPeriods) && ReturnedOn == other.ReturnedOn && State == other.State &&
        Replacement == other.Replacement && OnPostFrom == other.OnPostFrom;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Staff, State, Replacement);
}
