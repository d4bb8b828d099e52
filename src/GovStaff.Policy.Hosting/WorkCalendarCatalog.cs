using GovStaff.Policy.Calendars;

namespace GovStaff.Policy.Hosting;

/// <summary>The calendars a host can use by name: <c>national</c> always, and the configured one.</summary>
public sealed class WorkCalendarCatalog
{
    private readonly Dictionary<string, WorkCalendar> _byName;

    /// <summary>Creates the catalogue.</summary>
    /// <param name="configured">The configured calendar, the default.</param>
    public WorkCalendarCatalog(WorkCalendar configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        Default = configured;
        var national = configured.AllowsFallback ? WorkCalendar.National.WithFallback(true, configured.FallbackYears) : WorkCalendar.National;
        _byName = new(StringComparer.OrdinalIgnoreCase) { ["national"] = configured.Name == "national" ? configured : national };
        _byName[configured.Name] = configured;
    }

    /// <summary>The configured calendar.</summary>
    public WorkCalendar Default { get; }

    /// <summary>The names available.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>Gets a calendar by name.</summary>
    /// <exception cref="KeyNotFoundException">No calendar has that name; the message lists those that do.</exception>
    public WorkCalendar Get(string name) =>
        _byName.TryGetValue(name, out var c) ? c : throw new KeyNotFoundException($"No calendar is named '{name}'. Available: {string.Join(", ", _byName.Keys)}.");
}
