using NodaTime;

namespace GovStaff.Policy.Calendars;

/// <summary>
/// A date the calendar has no data for: outside the loaded years, or in a year a regional layer does not cover. The
/// library never guesses such a day unless the calendar was built with the fallback enabled.
/// </summary>
public sealed class DateOutsideCalendarException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="date">The date asked about.</param>
    /// <param name="calendar">The calendar's name.</param>
    /// <param name="reason">Why the date is not known.</param>
    public DateOutsideCalendarException(LocalDate date, string calendar, string reason)
        : base(nameof(date), $"{date:yyyy-MM-dd} is outside the data of calendar '{calendar}': {reason}")
    {
        Date = date;
        Calendar = calendar;
    }

    /// <summary>The date asked about.</summary>
    public LocalDate Date { get; }

    /// <summary>The calendar's name.</summary>
    public string Calendar { get; }
}
