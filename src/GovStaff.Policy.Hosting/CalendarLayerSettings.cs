namespace GovStaff.Policy.Hosting;

/// <summary>One calendar layer in configuration (<c>GovStaffPolicy:Calendar:Layers:N</c>).</summary>
public sealed class CalendarLayerSettings
{
    /// <summary>The layer's name; <c>national</c> and <c>ningxia</c> have built-in data.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>National (first layer only), Regional or Closures.</summary>
    public Calendars.CalendarLayerKind Kind { get; set; } = Calendars.CalendarLayerKind.Regional;

    /// <summary>Start from the data shipped for <see cref="Name"/>.</summary>
    public bool BuiltIn { get; set; }

    /// <summary>Year files to add (holiday-cn <c>.json</c> or the library's line format); relative to the content root.</summary>
    public List<string> Files { get; set; } = [];
}
