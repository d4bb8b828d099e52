namespace GovStaff.Policy.Calendars;

/// <summary>
/// A named layer of a <see cref="WorkCalendar"/>: the national arrangement, a regional overlay or a body's closures.
/// Layers compose in order: each later layer adds days off or working days on top of the ones before.
/// </summary>
/// <param name="Name">The layer's name (<c>national</c>, <c>ningxia</c>, <c>binhe-closures</c>).</param>
/// <param name="Kind">What the layer contributes.</param>
/// <param name="Years">The years it holds data for.</param>
public sealed record CalendarLayer(string Name, CalendarLayerKind Kind, IReadOnlyList<HolidayYear> Years)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Name, nameof(Name)) && Guard.NotNull(Years, nameof(Years));

    /// <summary>The years covered, ascending.</summary>
    public IReadOnlyList<int> CoveredYears => Years.Select(y => y.Year).Distinct().Order().ToArray();

    /// <summary>Returns a layer with more years added (later years replace earlier data for the same year).</summary>
    public CalendarLayer WithYears(IEnumerable<HolidayYear> more) =>
        this with { Years = Years.Concat(more).GroupBy(y => y.Year).Select(g => g.Last()).OrderBy(y => y.Year).ToArray() };
}
