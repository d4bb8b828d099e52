using GovStaff.Policy.Calendars;

namespace GovStaff.Sample.Host;

/// <summary>The calendar the sample's simulation, replay and report count on.</summary>
internal static class SampleCalendar
{
    /// <summary>
    /// The configured calendar, allowed to count past its data on the national arrangement: deadlines from late 2022
    /// run into 2023, a year whose Ningxia days are not in the data, and every decision that relied on such a day
    /// carries the assumed-day warning.
    /// </summary>
    public static WorkCalendar WithAssumedDays(WorkCalendar configured) =>
        configured.AllowsFallback ? configured : configured.WithFallback(true, 1);
}
