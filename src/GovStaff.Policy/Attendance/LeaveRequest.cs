using System.Text.Json.Serialization;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Attendance;

/// <summary>A request for leave and its lifecycle (Art. 12(2)); the state lives here (Stateless external state).</summary>
public sealed record LeaveRequest
{
    /// <summary>The longest leave a request may cover, in calendar days; longer is a data error, not a decision.</summary>
    public const int MaxDays = 366;

    /// <summary>Creates a request in <see cref="LeaveState.Draft"/>; <c>LeaveLifecycle.Request</c> files it.</summary>
    /// <param name="id">The request's id.</param>
    /// <param name="staff">Who asks.</param>
    /// <param name="from">First day of leave.</param>
    /// <param name="to">Last day of leave (inclusive).</param>
    /// <param name="reason">Why (有事有病必须请假).</param>
    /// <param name="requestedOn">When the request was made; the rule expects it before <paramref name="from"/>.</param>
    /// <param name="lateReason">Why it was not made in advance, when it was not.</param>
    /// <exception cref="ArgumentException">A field is invalid: the end before the start, more than <see cref="MaxDays"/> days, an empty reason.</exception>
    public LeaveRequest(string id, StaffId staff, LocalDate from, LocalDate to, string reason, LocalDate requestedOn, string? lateReason = null)
    {
        Id = IdValidation.Check(id, "Leave request id");
        Staff = Guard.Id(staff, nameof(Staff));
        From = Guard.IsoDate(from, nameof(From));
        To = Guard.IsoDate(to, nameof(To));
        if (to < from)
        {
            throw new ArgumentException($"Leave request '{id}': {nameof(To)} {to:yyyy-MM-dd} is before {nameof(From)} {from:yyyy-MM-dd}.", nameof(to));
        }

        if (Period.DaysBetween(from, to) + 1 > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"Leave request '{id}' covers {Period.DaysBetween(from, to) + 1} days; at most {MaxDays} are accepted.");
        }

        Reason = Guard.Text(reason, nameof(Reason), 500);
        RequestedOn = Guard.IsoDate(requestedOn, nameof(RequestedOn));
        LateReason = Guard.OptionalText(lateReason, nameof(LateReason), 500);
        State = LeaveState.Draft;
    }

    /// <summary>The request's id.</summary>
    public string Id { get; }

    /// <summary>Who asks.</summary>
    public StaffId Staff { get; }

    /// <summary>First day of leave.</summary>
    public LocalDate From { get; }

    /// <summary>Last day of leave (inclusive).</summary>
    public LocalDate To { get; }

    /// <summary>Why.</summary>
    public string Reason { get; }

    /// <summary>When the request was made.</summary>
    public LocalDate RequestedOn { get; }

    /// <summary>Why it was not made in advance, if it was not.</summary>
    public string? LateReason { get; }

    /// <summary>Where the request stands.</summary>
    [JsonInclude]
    public LeaveState State { get; internal init; }

    /// <summary>Who approved or refused it.</summary>
    [JsonInclude]
    public Actor? DecidedBy { get; internal init; }

    /// <summary>The day the leave began.</summary>
    [JsonInclude]
    public LocalDate? StartedOn { get; internal init; }

    /// <summary>The day the person was back at work.</summary>
    [JsonInclude]
    public LocalDate? ReturnedOn { get; internal init; }

    /// <summary>The day the person reported back (销假).</summary>
    [JsonInclude]
    public LocalDate? ReportedBackOn { get; internal init; }

    /// <summary>The subject string, <c>leave:{id}</c>.</summary>
    [JsonIgnore]
    public string Subject => "leave:" + Id;

    /// <summary>True while the person is away or approved to be away: approved or on leave.</summary>
    [JsonIgnore]
    public bool IsAway => State is LeaveState.Approved or LeaveState.OnLeave;

    /// <summary>True when the date is a day of this leave (ignoring the state).</summary>
    public bool Covers(LocalDate date) => date >= From && date <= (ReturnedOn is { } back && back <= To ? back.PlusDays(-1) : To);
}
