using System.Text.Json.Serialization;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Attendance;

/// <summary>One staff member's day as the attendance rules judge it, with the decision behind it.</summary>
/// <param name="Staff">Who.</param>
/// <param name="Date">Which day.</param>
/// <param name="Status">What the day was.</param>
/// <param name="LateMinutes">Minutes late (0 when not late).</param>
/// <param name="EarlyLeaveMinutes">Minutes left early (0 when not early).</param>
/// <param name="ExtendedServiceMinutes">Minutes of extended service after closing (Art. 12(8)).</param>
/// <param name="ExtraWork">True for a sign-in on a rest day.</param>
/// <param name="Decision">The findings, each citing its article, and the policy version applied.</param>
public sealed record AttendanceDay(
    StaffId Staff,
    LocalDate Date,
    AttendanceStatus Status,
    int LateMinutes,
    int EarlyLeaveMinutes,
    int ExtendedServiceMinutes,
    bool ExtraWork,
    Decision Decision)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Decision, nameof(Decision));

    /// <summary>True when the person was at work on a working day (whatever the punctuality).</summary>
    [JsonIgnore]
    public bool IsPresent => Status is AttendanceStatus.OnTime or AttendanceStatus.Late or AttendanceStatus.LeftEarly
        or AttendanceStatus.LateAndLeftEarly or AttendanceStatus.MissingSignOut or AttendanceStatus.MissingSignIn;

    /// <summary>True on a working day the rules judge (not a rest day, leave, not bound or in progress).</summary>
    [JsonIgnore]
    public bool IsJudgedWorkingDay => IsPresent || Status == AttendanceStatus.Absent;
}
