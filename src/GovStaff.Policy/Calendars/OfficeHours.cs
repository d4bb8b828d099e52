using NodaTime;

namespace GovStaff.Policy.Calendars;

/// <summary>
/// A body's office hours with summer and winter schedules (冬夏季作息时间) that switch on set dates each year.
/// </summary>
/// <remarks>
/// Office hours are set locally and the Ningxia schedule could not be confirmed, so <see cref="Default"/> is a
/// documented assumption (winter 09:00–12:00 and 14:00–17:30; summer from 1 May, 08:30–12:00 and 14:30–18:00, back to
/// winter on 1 October) meant to be replaced from configuration. The zone is Asia/Shanghai. Immutable and thread-safe.
/// </remarks>
public sealed record OfficeHours
{
    /// <summary>The zone of every service body in the district.</summary>
    public static DateTimeZone ChinaZone { get; } = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>The documented default (see remarks).</summary>
    public static OfficeHours Default { get; } = new(
        new DailySchedule(new(9, 0), new(12, 0), new(14, 0), new(17, 30)),
        new DailySchedule(new(8, 30), new(12, 0), new(14, 30), new(18, 0)),
        new AnnualDate(5, 1),
        new AnnualDate(10, 1));

    /// <summary>Creates office hours.</summary>
    /// <param name="winter">The winter schedule.</param>
    /// <param name="summer">The summer schedule; null for one schedule all year.</param>
    /// <param name="summerStarts">The first day of the summer schedule each year.</param>
    /// <param name="winterStarts">The first day of the winter schedule each year (after <paramref name="summerStarts"/>).</param>
    /// <param name="zone">The zone; defaults to Asia/Shanghai.</param>
    /// <exception cref="ArgumentException">The summer period is empty or runs backwards.</exception>
    public OfficeHours(DailySchedule winter, DailySchedule? summer = null, AnnualDate? summerStarts = null, AnnualDate? winterStarts = null, DateTimeZone? zone = null)
    {
        ArgumentNullException.ThrowIfNull(winter);
        Winter = winter;
        Summer = summer;
        SummerStarts = summerStarts ?? new AnnualDate(5, 1);
        WinterStarts = winterStarts ?? new AnnualDate(10, 1);
        if (summer is not null && SummerStarts.CompareTo(WinterStarts) >= 0)
        {
            throw new ArgumentException($"The summer schedule must start ({SummerStarts}) before the winter one ({WinterStarts}) in the year.", nameof(winterStarts));
        }

        Zone = zone ?? ChinaZone;
    }

    /// <summary>The winter (or all-year) schedule.</summary>
    public DailySchedule Winter { get; }

    /// <summary>The summer schedule, or null.</summary>
    public DailySchedule? Summer { get; }

    /// <summary>The first day of summer hours.</summary>
    public AnnualDate SummerStarts { get; }

    /// <summary>The first day of winter hours.</summary>
    public AnnualDate WinterStarts { get; }

    /// <summary>The zone the hours are in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The schedule in force on a date.</summary>
    public DailySchedule On(LocalDate date) =>
        Summer is not null && date >= SummerStarts.InYear(date.Year) && date < WinterStarts.InYear(date.Year) ? Summer : Winter;

    /// <summary>The close of business on a date, as an instant: when a deadline that ends that day runs out.</summary>
    public Instant CloseOfBusiness(LocalDate date) => date.At(On(date).AfternoonEnd).InZoneLeniently(Zone).ToInstant();

    /// <summary>The opening time on a date, as an instant.</summary>
    public Instant Opening(LocalDate date) => date.At(On(date).MorningStart).InZoneLeniently(Zone).ToInstant();
}
