namespace GovStaff.Policy.Calendars;

/// <summary>The holiday data shipped with the library.</summary>
public static class BuiltInCalendars
{
    private static readonly Lazy<CalendarLayer> NationalLayerValue = new(() => new CalendarLayer("national", CalendarLayerKind.National, Read("national-cn")));
    private static readonly Lazy<CalendarLayer> NingxiaLayerValue = new(() => new CalendarLayer("ningxia", CalendarLayerKind.Regional, Read("ningxia")));
    private static readonly Lazy<WorkCalendar> NationalValue = new(() => WorkCalendar.Create("national", [NationalLayer]));

    /// <summary>The national arrangement of Mainland China, 2019–2026 (国务院办公厅 notices).</summary>
    public static CalendarLayer NationalLayer => NationalLayerValue.Value;

    /// <summary>
    /// Ningxia's regional days off (开斋节, 古尔邦节) for the years whose regional notice was found: 2019–2022. Later
    /// years must be loaded from configuration.
    /// </summary>
    public static CalendarLayer NingxiaLayer => NingxiaLayerValue.Value;

    /// <summary>The national calendar alone, strict (no fallback).</summary>
    public static WorkCalendar National => NationalValue.Value;

    /// <summary>National plus the Ningxia overlay, strict: answers for 2019–2022 until later Ningxia years are loaded.</summary>
    public static WorkCalendar NationalWithNingxia(bool allowFallback = false) =>
        WorkCalendar.Create("national+ningxia", [NationalLayer, NingxiaLayer], allowFallback);

    private static IReadOnlyList<HolidayYear> Read(string resource)
    {
        var name = $"GovStaff.Policy.Calendars.{resource}.txt";
        using var stream = typeof(BuiltInCalendars).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The built-in calendar data '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return HolidayDataReader.ReadText(reader.ReadToEnd(), "built-in:" + resource);
    }
}
