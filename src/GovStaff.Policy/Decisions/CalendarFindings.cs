using GovStaff.Policy.Calendars;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Decisions;

/// <summary>
/// The warning every decision carries when it relied on a day the calendar assumed (no holiday data, fallback
/// enabled): the day may in truth be a holiday or an adjusted working day.
/// </summary>
internal static class CalendarFindings
{
    /// <summary>The code of the warning.</summary>
    public const string AssumedDayCode = "calendar.assumed-day";

    /// <summary>Adds the warning to <paramref name="findings"/> when any day from <paramref name="from"/> to <paramref name="to"/> was assumed.</summary>
    /// <returns>The same list, for chaining.</returns>
    public static List<Finding> WarnIfAssumed(this List<Finding> findings, WorkCalendar calendar, LocalDate from, LocalDate to, string? subject)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(calendar);
        if (calendar.AllowsFallback && calendar.HasAssumedDays(from <= to ? from : to, from <= to ? to : from))
        {
            findings.Add(new Finding(AssumedDayCode, Severity.Warning, new Citation(LegalSource.NationalHolidayMeasures, 2),
                new LocalizedText(
                    $"{from:yyyy-MM-dd}至{to:yyyy-MM-dd}之间有日期不在已加载的节假日数据内，按普通周末/工作日推定。",
                    $"Some days between {from:yyyy-MM-dd} and {to:yyyy-MM-dd} are not in the loaded holiday data; they were assumed to be ordinary weekdays or weekends."),
                subject));
        }

        return findings;
    }
}
