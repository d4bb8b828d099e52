using GovStaff.Policy.Calendars;

namespace GovStaff.Policy.Hosting;

/// <summary>
/// The calendars a host can use by name: the configured one (by its name); <c>national</c> — the national layer as the
/// host configured it, year files the district added included, without regional overlays or closures; and
/// <c>national-shipped</c> — the national data this library ships, alone.
/// </summary>
public sealed class WorkCalendarCatalog
{
    private readonly Dictionary<string, WorkCalendar> _byName;

    /// <summary>Creates the catalogue.</summary>
    /// <param name="configured">The configured calendar, the default.</param>
    public WorkCalendarCatalog(WorkCalendar configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        Default = configured;
        var shipped = configured.AllowsFallback ? WorkCalendar.National.WithFallback(true, configured.FallbackYears) : WorkCalendar.National;
        // A district that loaded the next State Council notice into its national layer expects every command that names
        // the national calendar to count it.
        var nationalLayers = configured.Layers.Where(l => string.Equals(l.Name, "national", StringComparison.OrdinalIgnoreCase)).ToArray();
        var national = configured.Name == "national" ? configured
            : nationalLayers.Length > 0 ? WorkCalendar.Create("national", nationalLayers, configured.AllowsFallback, configured.FallbackYears)
            : shipped;
        _byName = new(StringComparer.OrdinalIgnoreCase) { ["national"] = national, [ShippedName] = shipped };
        _byName[configured.Name] = configured;
    }

    /// <summary>The name of the national data this library ships, alone (<c>national-shipped</c>).</summary>
    public const string ShippedName = "national-shipped";

    /// <summary>The configured calendar.</summary>
    public WorkCalendar Default { get; }

    /// <summary>The names available.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>Gets a calendar by name.</summary>
    /// <exception cref="KeyNotFoundException">No calendar has that name; the message lists those that do.</exception>
    public WorkCalendar Get(string name) =>
        _byName.TryGetValue(name, out var c) ? c : throw new KeyNotFoundException($"No calendar is named '{name}'. Available: {string.Join(", ", _byName.Keys)}.");
}
