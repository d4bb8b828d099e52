namespace GovStaff.Policy.Calendars;

/// <summary>
/// One year's holiday arrangement as published: the dates it lists. Every date of the year not listed follows the
/// normal week (Monday–Friday working, Saturday and Sunday rest).
/// </summary>
/// <param name="Year">The year the notice is for (a notice may list the last days of the previous December).</param>
/// <param name="Entries">The listed dates.</param>
/// <param name="Source">Where it was read from (a file name, or <c>built-in</c>).</param>
public sealed record HolidayYear(int Year, IReadOnlyList<HolidayEntry> Entries, string Source)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Entries, nameof(Entries)) && Guard.NotNull(Source, nameof(Source));
}
