namespace GovStaff.Policy.Hosting;

/// <summary>The work calendar in configuration (<c>GovStaffPolicy:Calendar</c>).</summary>
public sealed class CalendarSettings
{
    /// <summary>The calendar's name; defaults to the layer names joined with '+'.</summary>
    public string? Name { get; set; }

    /// <summary>The layers, national first. Empty: the built-in national calendar alone.</summary>
    public List<CalendarLayerSettings> Layers { get; set; } = [];

    /// <summary>Treat dates without data as ordinary days (marked assumed, decisions warn) instead of refusing them.</summary>
    public bool AllowFallback { get; set; }

    /// <summary>With the fallback, how many years beyond the data the calendar answers for.</summary>
    public int FallbackYears { get; set; } = 10;
}
