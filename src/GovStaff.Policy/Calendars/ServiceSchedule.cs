using NodaTime;

namespace GovStaff.Policy.Calendars;

/// <summary>
/// A body's calendar and office hours together: what deadlines, attendance and appointments are computed on.
/// </summary>
/// <param name="Calendar">The work calendar (national plus the body's overlays).</param>
/// <param name="Hours">The office hours.</param>
public sealed record ServiceSchedule(WorkCalendar Calendar, OfficeHours Hours)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Calendar, nameof(Calendar)) && Guard.NotNull(Hours, nameof(Hours));

    /// <summary>The national calendar with the default office hours.</summary>
    public static ServiceSchedule Default => new(WorkCalendar.National, OfficeHours.Default);

    /// <summary>The last day of a period of <paramref name="workingDays"/> working days counted from the day after <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is less than 1.</exception>
    /// <exception cref="DateOutsideCalendarException">The period runs outside the calendar's data.</exception>
    public LocalDate DueDate(LocalDate start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        return Calendar.AddWorkingDays(start, workingDays);
    }

    /// <summary>The instant the period runs out: close of business on <see cref="DueDate"/> (《民法典》第二百零三条).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is less than 1.</exception>
    /// <exception cref="DateOutsideCalendarException">The period runs outside the calendar's data.</exception>
    public Instant DueInstant(LocalDate start, int workingDays) => Hours.CloseOfBusiness(DueDate(start, workingDays));

    /// <summary>True when the body is open at the instant: a working day, within a session.</summary>
    /// <exception cref="DateOutsideCalendarException">The date is outside the calendar's data.</exception>
    public bool IsOpenAt(Instant instant)
    {
        var local = instant.InZone(Hours.Zone).LocalDateTime;
        return Calendar.IsWorkingDay(local.Date) && Hours.On(local.Date).IsOpenAt(local.TimeOfDay);
    }
}
