using System.Text.Json.Serialization;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Attendance;

/// <summary>
/// A staff member's attendance over a period: the figures the appraisal's attendance indicator reads (Art. 27).
/// </summary>
/// <param name="Staff">Who.</param>
/// <param name="Period">The period (inclusive).</param>
/// <param name="WorkingDays">Working days in the period on the body's calendar.</param>
/// <param name="LeaveDays">Working days on approved leave.</param>
/// <param name="DaysPresent">Working days the person was at work.</param>
/// <param name="OnTimeDays">Days fully on time.</param>
/// <param name="LateCount">Days late.</param>
/// <param name="LateMinutes">Minutes late in total.</param>
/// <param name="EarlyLeaveCount">Days left early.</param>
/// <param name="EarlyLeaveMinutes">Minutes left early in total.</param>
/// <param name="Absences">Working days absent without approved leave.</param>
/// <param name="MissingSignOuts">Days with a sign-in and no sign-out.</param>
/// <param name="MissingSignIns">Days with a sign-out and no sign-in.</param>
/// <param name="ExtraWorkDays">Rest days worked.</param>
/// <param name="ExtendedServiceMinutes">Minutes of extended service (Art. 12(8)).</param>
/// <param name="Days">Every day, in order.</param>
public sealed record AttendanceSummary(
    StaffId Staff,
    DateInterval Period,
    int WorkingDays,
    int LeaveDays,
    int DaysPresent,
    int OnTimeDays,
    int LateCount,
    int LateMinutes,
    int EarlyLeaveCount,
    int EarlyLeaveMinutes,
    int Absences,
    int MissingSignOuts,
    int MissingSignIns,
    int ExtraWorkDays,
    int ExtendedServiceMinutes,
    IReadOnlyList<AttendanceDay> Days)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Period, nameof(Period)) && Guard.NotNull(Days, nameof(Days));

    /// <summary>Days present over working days not on leave; 1 when there were none.</summary>
    [JsonIgnore]
    public double AttendanceRate => WorkingDays - LeaveDays <= 0 ? 1.0 : (double)DaysPresent / (WorkingDays - LeaveDays);

    /// <summary>Days fully on time over working days not on leave; 1 when there were none.</summary>
    [JsonIgnore]
    public double PunctualityRate => WorkingDays - LeaveDays <= 0 ? 1.0 : (double)OnTimeDays / (WorkingDays - LeaveDays);
}
