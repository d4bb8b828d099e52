namespace GovStaff.Policy.Calendars;

/// <summary>What a <see cref="CalendarLayer"/> contributes.</summary>
public enum CalendarLayerKind
{
    /// <summary>The base calendar: the national arrangement. Its years are the calendar's data range.</summary>
    National = 0,

    /// <summary>A regional overlay (e.g. Ningxia's minority festivals): a date in a year it does not cover is not known.</summary>
    Regional = 1,

    /// <summary>A body's own closures: adds days off, never leaves a year uncovered.</summary>
    Closures = 2,
}
