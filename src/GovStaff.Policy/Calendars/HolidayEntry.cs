using NodaTime;

namespace GovStaff.Policy.Calendars;

/// <summary>One date of a holiday arrangement: a day off, or a working day (调休上班).</summary>
/// <param name="Date">The date.</param>
/// <param name="IsOffDay">True for a day off; false for a working day.</param>
/// <param name="Name">The holiday it belongs to, e.g. 国庆节.</param>
public readonly record struct HolidayEntry(LocalDate Date, bool IsOffDay, string Name)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Name, nameof(Name));
}
