using GovStaff.Policy.Calendars;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>
/// The case clock: working days on the body's calendar from the day after acceptance (《民法典》第二百零一条), not
/// counting the days the clock stood still (《行政许可法》第四十五条).
/// </summary>
internal static class CaseClock
{
    /// <summary>Working days used by <paramref name="asOf"/> (inclusive).</summary>
    public static int UsedWorkingDays(ServiceCase @case, WorkCalendar calendar, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(calendar);
        var end = @case.CompletedOn is { } done && done < asOf ? done : asOf;
        if (end <= @case.AcceptedOn)
        {
            return 0;
        }

        return calendar.CountWorkingDays(@case.AcceptedOn.PlusDays(1), end) - SuspendedWorkingDays(@case, calendar, @case.AcceptedOn.PlusDays(1), end);
    }

    /// <summary>
    /// The last day of a limit (promised or statutory, plus any extension), shifted by the days the clock stood still;
    /// null while the case is suspended (the end is not known yet).
    /// </summary>
    public static LocalDate? DueDate(ServiceCase @case, WorkCalendar calendar, int limitWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(calendar);
        if (@case.Suspensions.Any(s => s.Until is null))
        {
            return null;
        }

        // Each suspended working day pushes the end one working day on; repeat until no new suspended day falls inside.
        var extra = 0;
        while (true)
        {
            var due = calendar.AddWorkingDays(@case.AcceptedOn, limitWorkingDays + extra);
            var suspended = SuspendedWorkingDays(@case, calendar, @case.AcceptedOn.PlusDays(1), due);
            if (suspended == extra)
            {
                return due;
            }

            extra = suspended;
        }
    }

    private static int SuspendedWorkingDays(ServiceCase @case, WorkCalendar calendar, LocalDate from, LocalDate to)
    {
        var days = 0;
        foreach (var s in @case.Suspensions)
        {
            var start = s.From > from ? s.From : from;
            var last = (s.Until ?? to.PlusDays(1)).PlusDays(-1);
            var end = last < to ? last : to;
            if (end >= start)
            {
                days += calendar.CountWorkingDays(start, end);
            }
        }

        return days;
    }
}
